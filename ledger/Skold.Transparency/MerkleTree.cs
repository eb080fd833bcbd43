using System.Numerics;

namespace Skold.Transparency;

/// <summary>
/// An append-only RFC 9162 Merkle tree over leaf hashes, kept as the hashes of every complete,
/// aligned subtree by level — the layout C2SP tlog-tiles serves. Level 0 holds the leaf hashes,
/// level l holds MTH(D[i * 2^l : (i + 1) * 2^l]) for every i with (i + 1) * 2^l &lt;= Size.
/// That is under 2 × 32 bytes per leaf, and any earlier root, inclusion proof or consistency
/// proof is assembled from O(log n) stored hashes without touching the leaves.
///
/// Appending is amortised O(1) hash computations (one per completed subtree). All members are
/// safe to call from several threads: a single short lock serialises them, which costs far less
/// than the SHA-256 work each call does.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<HashStore> _levels = new List<HashStore> { new HashStore() };
    private readonly Lock _lock = new Lock();

    /// <summary>Number of leaves appended so far.</summary>
    public long Size
    {
        get
        {
            lock (_lock)
            {
                return _levels[0].Count;
            }
        }
    }

    /// <summary>Appends the RFC 9162 leaf hash of data (SHA-256(0x00 || data)); returns its index.</summary>
    public long AppendLeaf(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(data, hash);
        return AppendLeafHash(hash);
    }

    /// <summary>
    /// Appends an already computed leaf hash — the ledger rebuilds the tree at start-up from the
    /// leaf hashes in its database, so it never rehashes entries. Returns the leaf's index.
    /// </summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes; got {leafHash.Length}.", nameof(leafHash));
        }
        lock (_lock)
        {
            long index = _levels[0].Count;
            if (index == long.MaxValue)
            {
                throw new InvalidOperationException("The tree is full.");
            }
            leafHash.CopyTo(_levels[0].Reserve());
            _levels[0].Commit();

            // Each time the new node is a right child, its parent subtree has just become
            // complete: store it one level up and carry on.
            long i = index;
            int level = 0;
            while ((i & 1) == 1)
            {
                if (level + 1 == _levels.Count)
                {
                    _levels.Add(new HashStore());
                }
                HashStore parent = _levels[level + 1];
                MerkleHash.Node(_levels[level].Get(i - 1), _levels[level].Get(i), parent.Reserve());
                parent.Commit();
                i >>= 1;
                level++;
            }
            return index;
        }
    }

    /// <summary>The root of the tree as it is now (MTH of all leaves).</summary>
    public byte[] Root()
    {
        lock (_lock)
        {
            return RootLocked(_levels[0].Count);
        }
    }

    /// <summary>The root the tree had when it held its first <paramref name="size"/> leaves.</summary>
    public byte[] Root(long size)
    {
        lock (_lock)
        {
            CheckSize(size, nameof(size));
            return RootLocked(size);
        }
    }

    /// <summary>The leaf hash at index.</summary>
    public byte[] LeafHash(long index) => GetHash(0, index);

    /// <summary>
    /// The stored hash MTH(D[index * 2^level : (index + 1) * 2^level]) of a complete subtree,
    /// as tile serving needs it. Level 0 is the leaf hashes.
    /// </summary>
    public byte[] GetHash(int level, long index)
    {
        lock (_lock)
        {
            if (level < 0 || level >= _levels.Count || index < 0 || index >= _levels[level].Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index),
                    $"No complete subtree at level {level}, index {index} in a tree of {_levels[0].Count} leaves.");
            }
            return _levels[level].Get(index).ToArray();
        }
    }

    /// <summary>How many complete subtrees of 2^level leaves are stored: Size &gt;&gt; level.</summary>
    public long CountAtLevel(int level)
    {
        if (level < 0 || level > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A level is between 0 and 63.");
        }
        lock (_lock)
        {
            return level < _levels.Count ? _levels[level].Count : 0;
        }
    }

    /// <summary>
    /// The contents of a tlog-tiles hash tile: its hashes concatenated, 32 bytes each. Throws
    /// when the tree is not (yet) big enough for the tile, because serving a tile the tree has
    /// not completed would publish a hash the log never committed to.
    /// </summary>
    public byte[] ReadTile(TileId tile)
    {
        if (tile.IsEntryBundle)
        {
            throw new ArgumentException("Entry bundles hold entries, not hashes; the tree only stores hashes.", nameof(tile));
        }
        int treeLevel = tile.Level * TileId.HeightBits;
        lock (_lock)
        {
            long stored = treeLevel < _levels.Count ? _levels[treeLevel].Count : 0;
            // Compared by division first: a path from a request may carry an index near 2^63.
            long first = tile.Index <= stored / TileId.FullWidth ? tile.Index * TileId.FullWidth : long.MaxValue - TileId.FullWidth;
            if (first + tile.Width > stored)
            {
                throw new ArgumentOutOfRangeException(nameof(tile),
                    $"Tile {tile} needs {first + tile.Width} hashes at tree level {treeLevel}; the tree of {_levels[0].Count} leaves has {stored}.");
            }
            byte[] data = new byte[tile.Width * MerkleHash.Size];
            for (int i = 0; i < tile.Width; i++)
            {
                _levels[treeLevel].Get(first + i).CopyTo(data.AsSpan(i * MerkleHash.Size));
            }
            return data;
        }
    }

    /// <summary>
    /// PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1: the sibling hashes from the leaf up,
    /// proving leaf index is in the tree of the given size.
    /// </summary>
    public byte[][] InclusionProof(long index, long size)
    {
        lock (_lock)
        {
            CheckSize(size, nameof(size));
            if (index < 0 || index >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"A leaf index must be below the tree size {size}.");
            }
            List<byte[]> proof = new List<byte[]>(64);
            PathLocked(index, 0, size, proof);
            return proof.ToArray();
        }
    }

    /// <summary>
    /// PROOF(m, D[0:n]) of RFC 9162 section 2.1.4.1, proving the tree of size m is a prefix of the
    /// tree of size n. For m == n the proof is empty. m == 0 is refused: RFC 9162 defines proofs
    /// only for 0 &lt; m, and every tree is trivially consistent with the empty one.
    /// </summary>
    public byte[][] ConsistencyProof(long m, long n)
    {
        lock (_lock)
        {
            CheckSize(n, nameof(n));
            if (m <= 0 || m > n)
            {
                throw new ArgumentOutOfRangeException(nameof(m), m, $"A consistency proof needs 0 < m <= n (n = {n}).");
            }
            List<byte[]> proof = new List<byte[]>(64);
            if (m < n)
            {
                SubproofLocked(m, 0, n, true, proof);
            }
            return proof.ToArray();
        }
    }

    private void CheckSize(long size, string name)
    {
        if (size < 0 || size > _levels[0].Count)
        {
            throw new ArgumentOutOfRangeException(name, size, $"The tree has {_levels[0].Count} leaves.");
        }
    }

    private byte[] RootLocked(long size)
    {
        return size == 0 ? MerkleHash.EmptyRoot() : RangeHashLocked(0, size);
    }

    // PATH(m, D[lo:hi]) with m relative to lo; the recursion is at most 63 deep.
    private void PathLocked(long m, long lo, long hi, List<byte[]> proof)
    {
        long n = hi - lo;
        if (n == 1)
        {
            return;
        }
        long k = SplitPoint(n);
        if (m < k)
        {
            PathLocked(m, lo, lo + k, proof);
            proof.Add(RangeHashLocked(lo + k, hi));
        }
        else
        {
            PathLocked(m - k, lo + k, hi, proof);
            proof.Add(RangeHashLocked(lo, lo + k));
        }
    }

    // SUBPROOF(m, D[lo:hi], b) with m relative to lo.
    private void SubproofLocked(long m, long lo, long hi, bool b, List<byte[]> proof)
    {
        long n = hi - lo;
        if (m == n)
        {
            if (!b)
            {
                proof.Add(RangeHashLocked(lo, hi));
            }
            return;
        }
        long k = SplitPoint(n);
        if (m <= k)
        {
            SubproofLocked(m, lo, lo + k, b, proof);
            proof.Add(RangeHashLocked(lo + k, hi));
        }
        else
        {
            SubproofLocked(m - k, lo + k, hi, false, proof);
            proof.Add(RangeHashLocked(lo, lo + k));
        }
    }

    /// <summary>
    /// MTH(D[lo:hi]) for a range the RFC recursion produces (lo is a multiple of a power of two
    /// at least hi - lo). Such a range is a run of complete aligned subtrees of decreasing size,
    /// one per set bit of hi - lo, so its hash folds at most 63 stored hashes from the right.
    /// </summary>
    private byte[] RangeHashLocked(long lo, long hi)
    {
        Span<int> levels = stackalloc int[64];
        Span<long> indexes = stackalloc long[64];
        int count = 0;
        while (lo < hi)
        {
            int alignment = lo == 0 ? 63 : BitOperations.TrailingZeroCount(lo);
            int fit = 63 - BitOperations.LeadingZeroCount((ulong)(hi - lo));
            int level = Math.Min(alignment, fit);
            levels[count] = level;
            indexes[count] = lo >> level;
            count++;
            lo += 1L << level;
        }
        byte[] acc = _levels[levels[count - 1]].Get(indexes[count - 1]).ToArray();
        for (int j = count - 2; j >= 0; j--)
        {
            MerkleHash.Node(_levels[levels[j]].Get(indexes[j]), acc, acc);
        }
        return acc;
    }

    // The largest power of two smaller than n (n >= 2): RFC 9162's k.
    private static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
