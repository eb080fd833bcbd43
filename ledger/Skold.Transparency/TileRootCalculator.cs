using System.Security.Cryptography;

namespace Skold.Transparency;

/// <summary>
/// Client side of tlog-tiles for a full audit: recompute a checkpoint's root from every level-0
/// tile (or every entry bundle) of the tree, so a citizen can confirm that the published entries
/// are exactly the ones the signed checkpoint commits to. The fetch delegate does the HTTP GET of
/// <c>&lt;prefix&gt;/&lt;tile.ToPath()&gt;</c>; tiles are requested in order, one at a time.
/// </summary>
public static class TileRootCalculator
{
    /// <summary>The root of the tree of treeSize leaves, from its level-0 tiles.</summary>
    /// <exception cref="FormatException">A tile does not have the width its path names.</exception>
    public static byte[] RootFromLevel0Tiles(long treeSize, Func<TileId, byte[]> fetchTile)
    {
        ArgumentNullException.ThrowIfNull(fetchTile);
        LeafHashAccumulator acc = new LeafHashAccumulator();
        foreach (TileId tile in TileId.ForTreeSize(treeSize, 0))
        {
            AddTile(acc, tile, fetchTile(tile));
        }
        return acc.Root();
    }

    /// <summary>The same, with an asynchronous fetch.</summary>
    public static async Task<byte[]> RootFromLevel0TilesAsync(long treeSize, Func<TileId, CancellationToken, Task<byte[]>> fetchTile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchTile);
        LeafHashAccumulator acc = new LeafHashAccumulator();
        foreach (TileId tile in TileId.ForTreeSize(treeSize, 0))
        {
            AddTile(acc, tile, await fetchTile(tile, cancellationToken).ConfigureAwait(false));
        }
        return acc.Root();
    }

    /// <summary>The root of the tree of treeSize leaves, from its entry bundles (hashing every entry).</summary>
    /// <exception cref="FormatException">A bundle is malformed or does not hold the number of entries its path names.</exception>
    public static byte[] RootFromEntryBundles(long treeSize, Func<TileId, byte[]> fetchBundle)
    {
        ArgumentNullException.ThrowIfNull(fetchBundle);
        LeafHashAccumulator acc = new LeafHashAccumulator();
        foreach (TileId bundle in TileId.EntryBundlesForTreeSize(treeSize))
        {
            foreach (byte[] entry in EntryBundle.Decode(fetchBundle(bundle), bundle.Width))
            {
                acc.AppendEntry(entry);
            }
        }
        return acc.Root();
    }

    /// <summary>True when every entry of the bundle hashes to the matching hash of the level-0 tile, and the counts agree.</summary>
    public static bool EntryBundleMatchesTile(ReadOnlySpan<byte> bundle, ReadOnlySpan<byte> level0Tile)
    {
        IReadOnlyList<byte[]> entries;
        try
        {
            entries = EntryBundle.Decode(bundle);
        }
        catch (FormatException)
        {
            return false;
        }
        if (level0Tile.Length != entries.Count * MerkleHash.Size)
        {
            return false;
        }
        for (int i = 0; i < entries.Count; i++)
        {
            if (!CryptographicOperations.FixedTimeEquals(MerkleHash.Leaf(entries[i]), level0Tile.Slice(i * MerkleHash.Size, MerkleHash.Size)))
            {
                return false;
            }
        }
        return true;
    }

    private static void AddTile(LeafHashAccumulator acc, TileId tile, byte[] data)
    {
        if (data is null || data.Length != tile.Width * MerkleHash.Size)
        {
            throw new FormatException($"Tile {tile} must be {tile.Width * MerkleHash.Size} bytes ({tile.Width} hashes); got {data?.Length ?? 0}.");
        }
        for (int i = 0; i < tile.Width; i++)
        {
            acc.Append(data.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
    }
}
