// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.Device.Wifi 1.5.147 (nanoFramework.Networking.WifiNetworkHelper:
// ConnectDhcp(string, string, WifiReconnectionKind, bool requiresDateTime, int, CancellationToken),
// Status, Disconnect; System.Device.Wifi.WifiReconnectionKind), nanoFramework.System.Net 1.11.54
// (NetworkHelperStatus), nanoFramework.System.Threading 1.1.52 (CancellationTokenSource(int), Token).
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// Wi-Fi for the sync: up only for the attempt (power), with the network's time (SNTP) waited
    /// for, so a kiosk whose clock was lost with its power gets it back when the grid returns.
    /// </summary>
    public static class WifiUplink
    {
        public const int ConnectTimeoutMs = 30000;

        /// <summary>Connects; returns null when up (and the clock set), else why not.</summary>
        public static string? Connect(string ssid, string password)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(ConnectTimeoutMs);
            bool up = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Manual, true, 0, timeout.Token);
            if (up)
            {
                return null;
            }
            // The number is nanoFramework.Networking.NetworkHelperStatus (e.g. token expired waiting for an address or the time).
            int status = (int)WifiNetworkHelper.Status;
            Disconnect();
            return "Wi-Fi " + ssid + ": not up (status " + status + ")";
        }

        public static void Disconnect()
        {
            WifiNetworkHelper.Disconnect();
        }
    }
}
