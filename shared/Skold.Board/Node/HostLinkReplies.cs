using System;
using Skold.Codec;
using Skold.HostLink;

namespace Skold.Board.Node
{
    /// <summary>
    /// The node's frames to the host (docs/formats/host-link.md): answer, status, heard and log,
    /// encoded the same way on every node and handed to a sink (serial port or socket).
    /// </summary>
    public sealed class HostLinkReplies
    {
        /// <summary>A status without the held-orders digest (a node that does not relay holds nothing it can name).</summary>
        public const int ShortStatusLength = 14;

        /// <summary>A status with the held-orders digest (u32 little-endian, as in beacons).</summary>
        public const int StatusLength = 18;

        private readonly IHostLinkSink _sink;

        public HostLinkReplies(IHostLinkSink sink)
        {
            _sink = sink;
        }

        /// <summary>Answer to a request: its type, 0 accepted or a reason code (255 other), and a reason a person can read.</summary>
        public void Answer(int requestType, int result, string reason)
        {
            byte[] text = Clip(TextCodec.Encode(reason), HostLinkFrame.MaxPayload - 2);
            byte[] payload = new byte[2 + text.Length];
            payload[0] = (byte)requestType;
            payload[1] = (byte)result;
            Array.Copy(text, 0, payload, 2, text.Length);
            _sink.Send(new HostLinkFrame(HostLinkFrame.Answer, payload));
        }

        /// <summary>A frame heard on air: RSSI dBm and SNR tenths (int16 big-endian), then the frame.</summary>
        public void Heard(byte[] frame, int length, int rssiDbm, int snrTenths)
        {
            byte[] payload = new byte[4 + length];
            payload[0] = (byte)(rssiDbm >> 8);
            payload[1] = (byte)rssiDbm;
            payload[2] = (byte)(snrTenths >> 8);
            payload[3] = (byte)snrTenths;
            Array.Copy(frame, 0, payload, 4, length);
            _sink.Send(new HostLinkFrame(HostLinkFrame.Heard, payload));
        }

        /// <summary>
        /// The status frame: node id, neighbours, queue, orders held (u16), headroom ms (u32), battery
        /// mV (u16), big-endian; then the held-orders digest (u32 little-endian) when withDigest.
        /// </summary>
        public void Status(int nodeId, int neighbours, int queue, int held, long headroomMs, int batteryMillivolts, bool withDigest, uint digest)
        {
            byte[] payload = new byte[withDigest ? StatusLength : ShortStatusLength];
            PutUInt16(payload, 0, nodeId);
            PutUInt16(payload, 2, neighbours);
            PutUInt16(payload, 4, queue);
            PutUInt16(payload, 6, held);
            uint headroom = headroomMs < 0 ? 0 : headroomMs > 0xffffffffL ? 0xffffffffu : (uint)headroomMs;
            payload[8] = (byte)(headroom >> 24);
            payload[9] = (byte)(headroom >> 16);
            payload[10] = (byte)(headroom >> 8);
            payload[11] = (byte)headroom;
            PutUInt16(payload, 12, batteryMillivolts);
            if (withDigest)
            {
                Bytes.WriteUInt32LittleEndian(payload, ShortStatusLength, digest);
            }
            _sink.Send(new HostLinkFrame(HostLinkFrame.Status, payload));
        }

        /// <summary>A line of text for a person (status on a button press, why the node refuses to transmit, self-test results).</summary>
        public void Log(string text)
        {
            _sink.Send(new HostLinkFrame(HostLinkFrame.Log, Clip(TextCodec.Encode(text), HostLinkFrame.MaxPayload)));
        }

        private static void PutUInt16(byte[] b, int at, int value)
        {
            int v = value < 0 ? 0 : value > 0xffff ? 0xffff : value;
            b[at] = (byte)(v >> 8);
            b[at + 1] = (byte)v;
        }

        private static byte[] Clip(byte[] text, int max)
        {
            if (text.Length <= max)
            {
                return text;
            }
            // Cut on a UTF-8 character boundary (continuation bytes are 10xxxxxx).
            int length = max;
            while (length > 0 && (text[length] & 0xc0) == 0x80)
            {
                length--;
            }
            byte[] clipped = new byte[length];
            Array.Copy(text, clipped, length);
            return clipped;
        }
    }
}
