// Surface of nanoFramework.System.Threading 1.1.52: our own declarations, never run.
// Read in nanoframework/System.Threading, tag v1.1.52 (commit 866134ed5ae3faad59a2e5339c33d56f77eebee4),
// nanoFramework.System.Threading/Threading/CancellationTokenSource.cs.
// Declared: the constructor (Int32 millisecondsDelay) and the Token property the kiosk uses.
// Upstream the class also implements IDisposable; the kiosk does not dispose it.
namespace System.Threading
{
    public class CancellationTokenSource
    {
        public CancellationTokenSource(int millisecondsDelay)
        {
        }

        public CancellationToken Token
        {
            get { throw null; }
        }
    }
}
