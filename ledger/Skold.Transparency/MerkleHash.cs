using System.Security.Cryptography;

namespace Skold.Transparency;

/// <summary>
/// The hashes of RFC 9162 section 2.1.1 (same as RFC 6962 section 2.1): SHA-256 with a
/// one-byte prefix that keeps leaves and interior nodes in different domains, so a leaf can
/// never be passed off as a node (second-preimage attack on the tree).
/// </summary>
public static class MerkleHash
{
    /// <summary>Bytes in every hash of the tree.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256() — the root of the empty tree.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        byte[] hash = new byte[Size];
        Leaf(data, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x00 || data) into destination (32 bytes).</summary>
    public static void Leaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        CheckDestination(destination);
        using IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ReadOnlySpan<byte> prefix = [LeafPrefix];
        sha.AppendData(prefix);
        sha.AppendData(data);
        sha.GetHashAndReset(destination);
    }

    /// <summary>SHA-256(0x01 || left || right), the hash of an interior node.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        byte[] hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x01 || left || right) into destination; allocation-free for the tree's hot path.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckHash(left, nameof(left));
        CheckHash(right, nameof(right));
        CheckDestination(destination);
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = NodePrefix;
        left.CopyTo(input.Slice(1));
        right.CopyTo(input.Slice(1 + Size));
        SHA256.HashData(input, destination);
    }

    private static void CheckHash(ReadOnlySpan<byte> hash, string name)
    {
        if (hash.Length != Size)
        {
            throw new ArgumentException($"A Merkle tree hash is {Size} bytes; got {hash.Length}.", name);
        }
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException($"The destination must be exactly {Size} bytes; got {destination.Length}.", nameof(destination));
        }
    }
}
