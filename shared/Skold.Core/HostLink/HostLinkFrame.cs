namespace Skold.HostLink
{
    /// <summary>
    /// One message on the host link (docs/formats/host-link.md): a type and a payload. The
    /// serial bytes are SLIP/KISS-style framing around type, payload and a CRC-16.
    /// </summary>
    public sealed class HostLinkFrame
    {
        public const int MaxPayload = 600;

        /// <summary>Host to node: put this council order (encoded) into the mesh.</summary>
        public const int SendOrder = 0x01;

        /// <summary>Host to node: put this sealed station report into the mesh.</summary>
        public const int SendReport = 0x02;

        /// <summary>Host to node: ask for a status frame.</summary>
        public const int Ping = 0x03;

        /// <summary>Node to host: a frame heard on air: RSSI dBm (int16), SNR tenths of dB (int16), then the frame.</summary>
        public const int Heard = 0x81;

        /// <summary>Node to host: the answer to a request: the request's type, a result code, a UTF-8 reason.</summary>
        public const int Answer = 0x82;

        /// <summary>Node to host: node id (u16), neighbours, queue, orders held (u16 each), duty-cycle headroom ms (u32), battery mV (u16).</summary>
        public const int Status = 0x83;

        public HostLinkFrame(int type, byte[] payload)
        {
            Type = type;
            Payload = payload;
        }

        public int Type { get; }

        public byte[] Payload { get; }
    }
}
