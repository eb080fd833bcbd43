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

        /// <summary>Host to node: run the self-test (a board without a button); results come as log frames and an answer.</summary>
        public const int SelfTest = 0x04;

        /// <summary>Host to node: the council clock, seconds (u32 big-endian, SkoldTime), for a board without a clock of its own.</summary>
        public const int SetTime = 0x05;

        /// <summary>Node to host: a frame heard on air: RSSI dBm (int16), SNR tenths of dB (int16), then the frame.</summary>
        public const int Heard = 0x81;

        /// <summary>Node to host: the answer to a request: the request's type, a result code, a UTF-8 reason.</summary>
        public const int Answer = 0x82;

        /// <summary>Node to host: node id (u16), neighbours, queue, orders held (u16 each), duty-cycle headroom ms (u32), battery mV (u16).</summary>
        public const int Status = 0x83;

        /// <summary>Node to host: a line of UTF-8 text for a person (status, why the node refuses, self-test results).</summary>
        public const int Log = 0x84;

        public HostLinkFrame(int type, byte[] payload)
        {
            Type = type;
            Payload = payload;
        }

        public int Type { get; }

        public byte[] Payload { get; }
    }
}
