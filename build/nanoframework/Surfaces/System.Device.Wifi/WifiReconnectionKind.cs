// Surface of nanoFramework.System.Device.Wifi 1.5.147: our own declarations, never run.
// Read in nanoframework/System.Device.Wifi, tag v1.5.147 (commit 282a90676d5b2b7fa583a4efeb47ec5cac77fa0e),
// System.Device.Wifi/WifiReconnectionKind.cs.
// Declared: both members (Manual is used by the kiosk; Automatic is the default of
// WifiNetworkHelper.ConnectDhcp's reconnectionKind parameter). Upstream values are implicit, in this order.
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1,
    }
}
