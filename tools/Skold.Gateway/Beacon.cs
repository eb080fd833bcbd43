using Skold.Codec;

namespace Skold.Gateway;

/// <summary>
/// A relay's beacon as heard (docs/formats/frame.md, "Beacon"): how many orders it holds and their
/// digest, its battery, its duty-cycle headroom and the nodes it hears, best first.
/// </summary>
public sealed class Beacon
{
    public required int HeldCount { get; init; }

    public required uint Digest { get; init; }

    public required int BatteryMillivolts { get; init; }

    public required int HeadroomPercent { get; init; }

    public required int[] Neighbours { get; init; }

    public required string Callsign { get; init; }

    /// <summary>Decodes a beacon payload or throws MalformedDataException.</summary>
    public static Beacon Decode(byte[] payload)
    {
        var reader = new ByteReader(payload, 0, payload.Length);
        int flags = reader.ReadByte("beacon flags");
        int held = reader.ReadByte("beacon held");
        uint digest = reader.ReadUInt32("beacon digest");
        int battery = reader.ReadByte("beacon battery");
        int headroom = reader.ReadByte("beacon headroom");
        int count = reader.ReadByte("beacon neighbours");
        if (count > 32)
        {
            throw new MalformedDataException($"beacon lists {count} neighbours (at most 32)");
        }
        int[] hears = new int[count];
        for (int i = 0; i < count; i++)
        {
            hears[i] = reader.ReadUInt16("beacon neighbour");
        }
        string callsign = (flags & 1) != 0 ? reader.ReadText("beacon callsign", 16) : "";
        reader.ExpectEnd("beacon");
        return new Beacon
        {
            HeldCount = held,
            Digest = digest,
            BatteryMillivolts = battery * 20,
            HeadroomPercent = headroom,
            Neighbours = hears,
            Callsign = callsign,
        };
    }
}
