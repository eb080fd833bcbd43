using System;

namespace Skold.HostLink
{
    /// <summary>Turns frames into link bytes: FEND, escaped (type, payload, CRC-16 big-endian), FEND.</summary>
    public static class HostLinkEncoder
    {
        public const byte End = 0xc0;
        public const byte Escape = 0xdb;
        public const byte EscapedEnd = 0xdc;
        public const byte EscapedEscape = 0xdd;

        public static byte[] Encode(HostLinkFrame frame)
        {
            if (frame.Type < 1 || frame.Type > 255 || frame.Payload == null || frame.Payload.Length > HostLinkFrame.MaxPayload)
            {
                throw new ArgumentException("a host-link frame has a type 1..255 and at most " + HostLinkFrame.MaxPayload + " payload bytes");
            }
            byte[] body = new byte[1 + frame.Payload.Length + 2];
            body[0] = (byte)frame.Type;
            Array.Copy(frame.Payload, 0, body, 1, frame.Payload.Length);
            int crc = Crc16.Compute(body, 0, body.Length - 2);
            body[body.Length - 2] = (byte)(crc >> 8);
            body[body.Length - 1] = (byte)crc;
            int escapes = 0;
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] == End || body[i] == Escape)
                {
                    escapes++;
                }
            }
            byte[] wire = new byte[body.Length + escapes + 2];
            int at = 0;
            wire[at++] = End;
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] == End)
                {
                    wire[at++] = Escape;
                    wire[at++] = EscapedEnd;
                }
                else if (body[i] == Escape)
                {
                    wire[at++] = Escape;
                    wire[at++] = EscapedEscape;
                }
                else
                {
                    wire[at++] = body[i];
                }
            }
            wire[at] = End;
            return wire;
        }
    }
}
