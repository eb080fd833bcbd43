using Skold.HostLink;

namespace Skold.Board.Node
{
    /// <summary>
    /// Where a node's frames to the host go: the ESP32's serial port (HostLinkPort) or the Linux
    /// node's Unix socket (tools/Skold.Node/HostLinkServer.cs). Send encodes and writes one frame;
    /// a host that is not there loses it (it asks again with a ping or a resend).
    /// </summary>
    public interface IHostLinkSink
    {
        void Send(HostLinkFrame frame);
    }
}
