namespace Skold.Gateway;

/// <summary>A status frame from the attached node (docs/formats/host-link.md, type 0x83); the held-orders digest when the node sends it (18 bytes).</summary>
public sealed record NodeStatus(int NodeId, int Neighbours, int Queue, int OrdersHeld, long DutyHeadroomMs, int BatteryMillivolts, uint? Digest)
{
    public static NodeStatus Decode(byte[] p)
    {
        if (p.Length != 14 && p.Length != 18)
        {
            throw new Skold.Codec.MalformedDataException($"a status frame is 14 or 18 bytes, not {p.Length}");
        }
        return new NodeStatus((p[0] << 8) | p[1], (p[2] << 8) | p[3], (p[4] << 8) | p[5], (p[6] << 8) | p[7],
            ((long)p[8] << 24) | ((long)p[9] << 16) | ((long)p[10] << 8) | p[11], (p[12] << 8) | p[13],
            p.Length == 18 ? Skold.Bytes.ReadUInt32LittleEndian(p, 14) : null);
    }
}
