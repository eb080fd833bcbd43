// Surface of nanoFramework.System.Net 1.11.54: our own declarations, never run.
// Read in nanoframework/System.Net, tag v1.11.54 (commit 713b02c9fea5265e4e70981a9115daa3b5745c4c),
// nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs.
// Declared: the type only. The images use it only as the type of WifiNetworkHelper.Status, cast to int;
// no member is named. Upstream members, in order from 0: None, Started, NetworkIsReady,
// FailedNoNetworkInterface, TokenExpiredWaitingIPAddress, TokenExpiredWaitingDateTime,
// ErrorConnetingToWiFiWhileScanning, ExceptionOccurred, Reconnecting.
namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
    }
}
