using Skold.HostLink;

namespace Skold.Board.Node
{
    /// <summary>
    /// The host link (docs/formats/host-link.md) on a byte stream such as the ESP32's serial port:
    /// whole request frames out of whatever pieces the port delivers, and frames back to the host.
    /// Used from the node loop's thread only.
    /// </summary>
    public sealed class HostLinkPort : IHostLinkSink
    {
        private readonly IByteLink _link;
        private readonly HostLinkDecoder _decoder = new HostLinkDecoder();
        private readonly byte[] _buffer = new byte[256];
        private int _at;
        private int _end;

        public HostLinkPort(IByteLink link)
        {
            _link = link;
        }

        /// <summary>Frames dropped for a bad CRC, escape or size.</summary>
        public int Rejected
        {
            get { return _decoder.Rejected; }
        }

        /// <summary>The next whole frame the host sent, or null when none has arrived yet.</summary>
        public HostLinkFrame? Poll()
        {
            while (true)
            {
                if (_at == _end)
                {
                    _at = 0;
                    _end = _link.Read(_buffer, 0, _buffer.Length);
                    if (_end <= 0)
                    {
                        _end = 0;
                        return null;
                    }
                }
                int used;
                HostLinkFrame? frame = _decoder.Feed(_buffer, _at, _end - _at, out used);
                _at += used;
                if (frame != null)
                {
                    return frame;
                }
            }
        }

        public void Send(HostLinkFrame frame)
        {
            byte[] wire = HostLinkEncoder.Encode(frame);
            _link.Write(wire, 0, wire.Length);
        }
    }
}
