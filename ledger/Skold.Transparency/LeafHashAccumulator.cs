namespace Skold.Transparency;

/// <summary>
/// The RFC 9162 root of a stream of leaf hashes in O(log n) memory: it keeps only the roots of
/// the complete subtrees of the prefix seen so far (at most one per bit of the size). A citizen's
/// verifier feeds it downloaded level-0 tiles without holding the whole log, and it shares no
/// code with <see cref="MerkleTree"/>.
/// </summary>
public sealed class LeafHashAccumulator
{
    // _stack[j] is the root of a complete subtree; sizes strictly decrease from bottom to top
    // and follow the set bits of Size from the highest.
    private readonly List<byte[]> _stack = new List<byte[]>();

    /// <summary>Leaf hashes appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Appends one 32-byte leaf hash.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes; got {leafHash.Length}.", nameof(leafHash));
        }
        byte[] node = leafHash.ToArray();
        // Merge equal-sized subtrees: one merge per trailing one bit of the old size.
        for (long s = Size; (s & 1) == 1; s >>= 1)
        {
            byte[] left = _stack[_stack.Count - 1];
            _stack.RemoveAt(_stack.Count - 1);
            node = MerkleHash.Node(left, node);
        }
        _stack.Add(node);
        Size++;
    }

    /// <summary>Appends the leaf hash of an entry.</summary>
    public void AppendEntry(ReadOnlySpan<byte> entry) => Append(MerkleHash.Leaf(entry));

    /// <summary>MTH of everything appended (the empty-tree hash when nothing was).</summary>
    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        byte[] acc = _stack[_stack.Count - 1];
        for (int j = _stack.Count - 2; j >= 0; j--)
        {
            acc = MerkleHash.Node(_stack[j], acc);
        }
        return acc;
    }
}
