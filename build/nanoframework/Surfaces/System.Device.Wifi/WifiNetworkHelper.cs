// Surface of nanoFramework.System.Device.Wifi 1.5.147: our own declarations, never run.
// Read in nanoframework/System.Device.Wifi, tag v1.5.147 (commit 282a90676d5b2b7fa583a4efeb47ec5cac77fa0e),
// System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs.
// Declared: Status (get only: "public static NetworkHelperStatus Status => ..."), Disconnect(), and
// ConnectDhcp with upstream's parameter names and defaults. Upstream also has NetworkReady, HelperException,
// SetupNetworkHelper (3 overloads), WifiAdapter, ConnectFixAddress, ScanAndConnectDhcp, Reconnect, Reset.
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status
        {
            get { throw null; }
        }

        public static void Disconnect()
        {
        }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            throw null;
        }
    }
}
