using Skold.HostLink;
using Skold.Mesh;

namespace Skold.Node;

/// <summary>What the node does with host-link requests, on the node loop's thread: originate orders and reports, answer pings.</summary>
public sealed class HostLinkService(RadioNode node, HostLinkServer server, int batteryMillivolts)
{
    public void Attach() =>
        node.Heard = (frame, length, rssi, snr) =>
        {
            byte[] payload = new byte[4 + length];
            payload[0] = (byte)(rssi >> 8);
            payload[1] = (byte)rssi;
            payload[2] = (byte)(snr >> 8);
            payload[3] = (byte)snr;
            Array.Copy(frame, 0, payload, 4, length);
            server.Send(new HostLinkFrame(HostLinkFrame.Heard, payload));
        };

    public void Serve(long nowMs, RelayConfig config)
    {
        while (server.Requests.TryDequeue(out HostLinkFrame? request))
        {
            switch (request.Type)
            {
                case HostLinkFrame.SendOrder when node.Engine.Held.Holds(Frame.MessageIdOf(request.Payload)):
                    // A host sends again what it got no answer to (the link broke): that is not a refusal.
                    Answer(request.Type, true, "already held");
                    break;
                case HostLinkFrame.SendOrder:
                    bool accepted = node.Engine.Originate(request.Payload, nowMs);
                    Answer(request.Type, accepted, accepted ? "queued for the air" : "not accepted by the council's rules (signatures, policy, sequence or expiry)");
                    break;
                case HostLinkFrame.SendReport:
                    bool report = node.Engine.OriginateReport(request.Payload, nowMs);
                    Answer(request.Type, report, report ? "queued for the air" : "not signed by a station the council registered");
                    break;
                case HostLinkFrame.Ping:
                    server.Send(new HostLinkFrame(HostLinkFrame.Status, Status(nowMs, config)));
                    break;
                default:
                    Answer(request.Type, false, "unknown request type " + request.Type);
                    break;
            }
        }
    }

    private void Answer(int type, bool accepted, string reason)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(reason);
        byte[] payload = new byte[2 + text.Length];
        payload[0] = (byte)type;
        payload[1] = (byte)(accepted ? 0 : 255);
        text.CopyTo(payload, 2);
        server.Send(new HostLinkFrame(HostLinkFrame.Answer, payload));
    }

    private byte[] Status(long nowMs, RelayConfig config)
    {
        long headroomMs = config.DutyCycle.HeadroomMicroseconds(nowMs) / 1000;
        int[] fields = [node.NodeId, node.Neighbours, node.Engine.QueueLength, node.Engine.Held.Count];
        byte[] payload = new byte[18];
        for (int i = 0; i < 4; i++)
        {
            payload[2 * i] = (byte)(fields[i] >> 8);
            payload[2 * i + 1] = (byte)fields[i];
        }
        uint headroom = (uint)Math.Min(uint.MaxValue, headroomMs);
        payload[8] = (byte)(headroom >> 24);
        payload[9] = (byte)(headroom >> 16);
        payload[10] = (byte)(headroom >> 8);
        payload[11] = (byte)headroom;
        payload[12] = (byte)(batteryMillivolts >> 8);
        payload[13] = (byte)batteryMillivolts;
        // The held-orders digest, as in the node's beacons (frame.md), so the host knows which orders its own node holds.
        Skold.Bytes.WriteUInt32LittleEndian(payload, 14, node.Engine.Held.Digest());
        return payload;
    }
}
