namespace Skold.Transparency;

/// <summary>
/// An append-only array of 32-byte hashes kept in fixed 32 KiB chunks: growing never copies
/// what is stored (appending stays O(1), not amortised over doublings), and no chunk is big
/// enough to land on the large-object heap, so a million-leaf tree does not fragment it.
/// </summary>
internal sealed class HashStore
{
    private const int HashesPerChunkLog2 = 10;
    private const int HashesPerChunk = 1 << HashesPerChunkLog2;
    private const int ChunkBytes = HashesPerChunk * MerkleHash.Size;

    private readonly List<byte[]> _chunks = new List<byte[]>();

    public long Count { get; private set; }

    /// <summary>Space for the next hash; the caller fills it, then calls <see cref="Commit"/>.</summary>
    public Span<byte> Reserve()
    {
        int offset = (int)(Count & (HashesPerChunk - 1)) * MerkleHash.Size;
        if (offset == 0 && (Count >> HashesPerChunkLog2) == _chunks.Count)
        {
            _chunks.Add(new byte[ChunkBytes]);
        }
        return _chunks[(int)(Count >> HashesPerChunkLog2)].AsSpan(offset, MerkleHash.Size);
    }

    public void Commit() => Count++;

    public ReadOnlySpan<byte> Get(long index)
    {
        if ((ulong)index >= (ulong)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} hashes are stored.");
        }
        int offset = (int)(index & (HashesPerChunk - 1)) * MerkleHash.Size;
        return _chunks[(int)(index >> HashesPerChunkLog2)].AsSpan(offset, MerkleHash.Size);
    }
}
