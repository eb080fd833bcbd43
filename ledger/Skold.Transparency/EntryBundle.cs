using System.Buffers.Binary;

namespace Skold.Transparency;

/// <summary>
/// C2SP tlog-tiles entry bundles: the entries under one level-0 tile, each as a big-endian
/// uint16 length followed by the entry bytes. Entry i of bundle N hashes (RFC 9162 leaf hash)
/// to hash i of level-0 tile N.
/// </summary>
public static class EntryBundle
{
    /// <summary>The longest entry the uint16 length prefix can carry.</summary>
    public const int MaxEntryLength = ushort.MaxValue;

    /// <summary>Concatenates the entries, each behind its 2-byte length.</summary>
    public static byte[] Encode(IEnumerable<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using MemoryStream output = new MemoryStream();
        Span<byte> prefix = stackalloc byte[2];
        int count = 0;
        foreach (byte[] entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"Entry {count} is {entry.Length} bytes; an entry bundle carries at most {MaxEntryLength}.", nameof(entries));
            }
            if (++count > TileId.FullWidth)
            {
                throw new ArgumentException($"An entry bundle holds at most {TileId.FullWidth} entries.", nameof(entries));
            }
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)entry.Length);
            output.Write(prefix);
            output.Write(entry);
        }
        return output.ToArray();
    }

    /// <summary>
    /// Splits a bundle into its entries. Refuses a truncated entry and more than 256 entries;
    /// with expectedCount (the width from the bundle's path), also refuses any other count.
    /// </summary>
    /// <exception cref="FormatException">The bundle is malformed; the message says where.</exception>
    public static IReadOnlyList<byte[]> Decode(ReadOnlySpan<byte> bundle, int? expectedCount = null)
    {
        List<byte[]> entries = new List<byte[]>();
        int offset = 0;
        while (offset < bundle.Length)
        {
            if (entries.Count == TileId.FullWidth)
            {
                throw new FormatException($"The entry bundle has bytes after its {TileId.FullWidth}th entry, at offset {offset}.");
            }
            if (bundle.Length - offset < 2)
            {
                throw new FormatException($"The entry bundle ends inside the length of entry {entries.Count}, at offset {offset}.");
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(bundle.Slice(offset));
            offset += 2;
            if (bundle.Length - offset < length)
            {
                throw new FormatException($"Entry {entries.Count} claims {length} bytes but only {bundle.Length - offset} remain.");
            }
            entries.Add(bundle.Slice(offset, length).ToArray());
            offset += length;
        }
        if (expectedCount is int expected && entries.Count != expected)
        {
            throw new FormatException($"The entry bundle holds {entries.Count} entries; its path says {expected}.");
        }
        return entries;
    }
}
