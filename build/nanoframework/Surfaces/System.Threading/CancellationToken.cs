// Surface of nanoFramework.System.Threading 1.1.52: our own declarations, never run.
// Read in nanoframework/System.Threading, tag v1.1.52 (commit 866134ed5ae3faad59a2e5339c33d56f77eebee4),
// nanoFramework.System.Threading/Threading/CancellationToken.cs.
// Declared: the struct, with its one private field (a CancellationTokenSource reference) so that the
// compiler sees the same kind of struct as upstream; the kiosk only passes a token on
// (WifiNetworkHelper.ConnectDhcp), other surfaces name the type in their signatures.
namespace System.Threading
{
    public struct CancellationToken
    {
        private CancellationTokenSource _source;
    }
}
