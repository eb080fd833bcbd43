using System.Security.Cryptography;

namespace Skold.Transparency;

/// <summary>
/// Checks RFC 9162 proofs, written step by step from sections 2.1.3.2 (inclusion) and 2.1.4.2
/// (consistency). It deliberately shares no code with <see cref="MerkleTree"/> — not even the
/// node hash — so a mistake in the tree cannot be mirrored here and cancel out in the tests.
///
/// The Verify methods return false for anything that does not prove the claim (including
/// hashes that are not 32 bytes); the RootFrom methods throw <see cref="InvalidProofException"/>
/// with the failed step, for callers that want to log why.
/// </summary>
public static class MerkleProofVerifier
{
    private const int HashSize = 32;

    /// <summary>True when proof shows the leaf hash is at index in the tree of treeSize leaves with rootHash.</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]>? proof, ReadOnlySpan<byte> rootHash)
    {
        if (rootHash.Length != HashSize)
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(RootFromInclusionProof(leafHash, index, treeSize, proof), rootHash);
        }
        catch (InvalidProofException)
        {
            return false;
        }
    }

    /// <summary>
    /// The root the inclusion proof leads to from the leaf hash at index in a tree of treeSize
    /// leaves (RFC 9162 section 2.1.3.2, steps 1 to 4 and the sn check of step 5). Compare it to
    /// a trusted root.
    /// </summary>
    public static byte[] RootFromInclusionProof(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]>? proof)
    {
        CheckHash(leafHash, "leaf hash");
        IReadOnlyList<byte[]> path = proof ?? Array.Empty<byte[]>();
        CheckPath(path);

        // Step 1.
        if (index < 0 || treeSize < 0 || index >= treeSize)
        {
            throw new InvalidProofException($"Leaf index {index} is not inside a tree of size {treeSize}.");
        }

        // Steps 2 and 3.
        ulong fn = (ulong)index;
        ulong sn = (ulong)(treeSize - 1);
        byte[] r = leafHash.ToArray();

        // Step 4.
        foreach (byte[] p in path)
        {
            if (sn == 0)
            {
                throw new InvalidProofException($"The inclusion proof has more hashes than leaf {index} in a tree of size {treeSize} needs.");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5, first half.
        if (sn != 0)
        {
            throw new InvalidProofException($"The inclusion proof is too short for leaf {index} in a tree of size {treeSize}.");
        }
        return r;
    }

    /// <summary>
    /// True when proof shows the tree of size1 with root1 is a prefix of the tree of size2 with
    /// root2. Equal sizes need an empty proof and identical roots (for size 0, the empty-tree
    /// root). Otherwise size1 = 0 is refused: RFC 9162
    /// defines consistency proofs only for 0 &lt; size1, and there is nothing to check.
    /// </summary>
    public static bool VerifyConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]>? proof)
    {
        IReadOnlyList<byte[]> path = proof ?? Array.Empty<byte[]>();
        if (size1 == size2 && size1 >= 0)
        {
            // Nothing to prove beyond equality: the same tree, so the same root, byte for byte.
            // The empty tree has only one possible root, SHA-256 of nothing.
            if (path.Count != 0 || root1.Length != root2.Length || !CryptographicOperations.FixedTimeEquals(root1, root2))
            {
                return false;
            }
            return size1 != 0 || CryptographicOperations.FixedTimeEquals(root1, SHA256.HashData(ReadOnlySpan<byte>.Empty));
        }
        if (root2.Length != HashSize)
        {
            return false;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(RootFromConsistencyProof(size1, size2, root1, path), root2);
        }
        catch (InvalidProofException)
        {
            return false;
        }
    }

    /// <summary>
    /// RFC 9162 section 2.1.4.2 for 0 &lt; size1 &lt; size2: checks the proof rebuilds root1 (fr) and
    /// returns the size2 root it rebuilds (sr), to compare with a trusted or signed root.
    /// </summary>
    public static byte[] RootFromConsistencyProof(long size1, long size2, ReadOnlySpan<byte> root1, IReadOnlyList<byte[]>? proof)
    {
        CheckHash(root1, "first root hash");
        IReadOnlyList<byte[]> given = proof ?? Array.Empty<byte[]>();
        CheckPath(given);
        if (size1 <= 0 || size2 <= size1)
        {
            throw new InvalidProofException($"A consistency proof needs 0 < first size < second size; got {size1} and {size2}.");
        }

        // Step 1.
        if (given.Count == 0)
        {
            throw new InvalidProofException("The consistency proof is empty.");
        }

        // Step 2.
        List<byte[]> path = new List<byte[]>(given.Count + 1);
        if ((size1 & (size1 - 1)) == 0)
        {
            path.Add(root1.ToArray());
        }
        path.AddRange(given);

        // Step 3.
        ulong fn = (ulong)(size1 - 1);
        ulong sn = (ulong)(size2 - 1);

        // Step 4.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5.
        byte[] fr = path[0];
        byte[] sr = path[0];

        // Step 6.
        for (int i = 1; i < path.Count; i++)
        {
            byte[] c = path[i];
            if (sn == 0)
            {
                throw new InvalidProofException($"The consistency proof from {size1} to {size2} has too many hashes.");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }

        // Step 7.
        if (sn != 0)
        {
            throw new InvalidProofException($"The consistency proof from {size1} to {size2} is too short.");
        }
        if (!CryptographicOperations.FixedTimeEquals(fr, root1))
        {
            throw new InvalidProofException($"The consistency proof does not rebuild the root of the tree of size {size1}.");
        }
        return sr;
    }

    private static void CheckHash(ReadOnlySpan<byte> hash, string what)
    {
        if (hash.Length != HashSize)
        {
            throw new InvalidProofException($"The {what} is {hash.Length} bytes; SHA-256 hashes are {HashSize}.");
        }
    }

    private static void CheckPath(IReadOnlyList<byte[]> path)
    {
        for (int i = 0; i < path.Count; i++)
        {
            if (path[i] is null || path[i].Length != HashSize)
            {
                throw new InvalidProofException($"Proof hash {i} is {path[i]?.Length ?? 0} bytes; SHA-256 hashes are {HashSize}.");
            }
        }
    }

    // HASH(0x01 || left || right), RFC 9162 section 2.1.1, kept local on purpose (see the class comment).
    private static byte[] NodeHash(byte[] left, byte[] right)
    {
        byte[] input = new byte[1 + 2 * HashSize];
        input[0] = 0x01;
        left.CopyTo(input, 1);
        right.CopyTo(input, 1 + HashSize);
        return SHA256.HashData(input);
    }
}
