using System.Security.Cryptography;

namespace Skold.Transparency.Tests;

[TestClass]
public sealed class MerkleTreeTests
{
    private const int Exhaustive = 64;

    private static readonly List<byte[]> Leaves = Enumerable.Range(0, Exhaustive + 1).Select(i => TestLeaves.Numbered(i)).ToList();

    private static MerkleTree Build(int size)
    {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++)
        {
            Assert.AreEqual(i, tree.AppendLeaf(Leaves[i]));
        }
        return tree;
    }

    [TestMethod]
    public void HashesAreTheRfc9162Ones()
    {
        // SHA-256("") and SHA-256(0x00): the empty root and the leaf hash of the empty entry.
        Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyRoot()));
        Assert.AreEqual("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleHash.Leaf([])));
        byte[] l = MerkleHash.Leaf([1]);
        byte[] r = MerkleHash.Leaf([2]);
        CollectionAssert.AreEqual(SHA256.HashData([0x01, .. l, .. r]), MerkleHash.Node(l, r));
        Assert.ThrowsExactly<ArgumentException>(() => MerkleHash.Node(new byte[31], r));
    }

    [TestMethod]
    public void Rfc6962TestTreeRoot()
    {
        MerkleTree tree = new MerkleTree();
        foreach (byte[] leaf in TestLeaves.Rfc6962)
        {
            tree.AppendLeaf(leaf);
        }
        Assert.AreEqual("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", Convert.ToHexStringLower(tree.Root()));
    }

    [TestMethod]
    public void EveryEarlierRootMatchesTheDefinition()
    {
        MerkleTree tree = Build(Exhaustive);
        for (int size = 0; size <= Exhaustive; size++)
        {
            CollectionAssert.AreEqual(NaiveMerkle.Mth(Leaves.Take(size).ToList()), tree.Root(size), $"size {size}");
        }
        CollectionAssert.AreEqual(tree.Root(Exhaustive), tree.Root());
    }

    [TestMethod]
    public void EveryInclusionProofMatchesPathAndVerifies()
    {
        MerkleTree tree = Build(Exhaustive);
        for (int size = 1; size <= Exhaustive; size++)
        {
            List<byte[]> prefix = Leaves.Take(size).ToList();
            byte[] root = tree.Root(size);
            for (int index = 0; index < size; index++)
            {
                byte[][] proof = tree.InclusionProof(index, size);
                AssertSameProof(NaiveMerkle.Path(index, prefix), proof, $"PATH({index}, {size})");
                byte[] leaf = MerkleHash.Leaf(Leaves[index]);
                Assert.IsTrue(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof, root), $"PATH({index}, {size})");
                CollectionAssert.AreEqual(root, MerkleProofVerifier.RootFromInclusionProof(leaf, index, size, proof));

                // The same proof must not prove anything else.
                Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(MerkleHash.Leaf(Leaves[index + 1]), index, size, proof, root));
                if (size > 1)
                {
                    Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, (index + 1) % size, size, proof, root), $"moved index {index}, {size}");
                    byte[][] flipped = proof.Select(p => (byte[])p.Clone()).ToArray();
                    flipped[index % flipped.Length][index % 32] ^= 0x80;
                    Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, index, size, flipped, root));
                    Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, index, size, proof[..^1], root));
                }
                Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, index, size, [.. proof, root], root));
            }
        }
    }

    [TestMethod]
    public void EveryConsistencyProofMatchesProofAndVerifies()
    {
        MerkleTree tree = Build(Exhaustive);
        for (int n = 1; n <= Exhaustive; n++)
        {
            List<byte[]> prefix = Leaves.Take(n).ToList();
            byte[] root2 = tree.Root(n);
            for (int m = 1; m <= n; m++)
            {
                byte[] root1 = tree.Root(m);
                byte[][] proof = tree.ConsistencyProof(m, n);
                if (m == n)
                {
                    Assert.IsEmpty(proof);
                }
                else
                {
                    AssertSameProof(NaiveMerkle.Proof(m, prefix), proof, $"PROOF({m}, {n})");
                    CollectionAssert.AreEqual(root2, MerkleProofVerifier.RootFromConsistencyProof(m, n, root1, proof));
                    byte[][] flipped = proof.Select(p => (byte[])p.Clone()).ToArray();
                    flipped[m % flipped.Length][n % 32] ^= 0x01;
                    Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(m, n, root1, root2, flipped), $"flipped PROOF({m}, {n})");
                    Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(m, n, root2, root1, proof), $"swapped roots ({m}, {n})");
                    Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(m, n, root1, root2, proof[..^1]), $"truncated ({m}, {n})");
                    Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(m, n, root1, root2, [.. proof, root1]), $"extended ({m}, {n})");
                }
                Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(m, n, root1, root2, proof), $"PROOF({m}, {n})");
                if (n < Exhaustive)
                {
                    Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(m, n + 1, root1, tree.Root(n + 1), proof.Length == 0 ? [root1] : proof), $"wrong size2 ({m}, {n})");
                }
            }
        }
    }

    [TestMethod]
    public void StoredHashesAreCompleteAlignedSubtrees()
    {
        MerkleTree tree = Build(Exhaustive - 3);
        for (int level = 0; level < 7; level++)
        {
            Assert.AreEqual((long)((Exhaustive - 3) >> level), tree.CountAtLevel(level));
            for (int i = 0; ((i + 1) << level) <= Exhaustive - 3; i++)
            {
                List<byte[]> range = Leaves.Skip(i << level).Take(1 << level).ToList();
                CollectionAssert.AreEqual(NaiveMerkle.Mth(range), tree.GetHash(level, i), $"level {level} index {i}");
            }
        }
        Assert.AreEqual(0L, tree.CountAtLevel(6));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.GetHash(5, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.GetHash(-1, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.GetHash(0, Exhaustive - 3));
    }

    [TestMethod]
    public void RefusesWhatItCannotProve()
    {
        MerkleTree tree = Build(10);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.Root(11));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.Root(-1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.InclusionProof(10, 10));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 11));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.InclusionProof(-1, 5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(0, 5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(6, 5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(5, 11));
        Assert.ThrowsExactly<ArgumentException>(() => tree.AppendLeafHash(new byte[33]));
        CollectionAssert.AreEqual(MerkleHash.EmptyRoot(), new MerkleTree().Root());
        Assert.AreEqual(0L, new MerkleTree().Size);
    }

    [TestMethod]
    public void VerifierRefusesMalformedInput()
    {
        MerkleTree tree = Build(5);
        byte[] leaf = tree.LeafHash(2);
        byte[][] proof = tree.InclusionProof(2, 5);
        byte[] root = tree.Root(5);
        Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, 2, 5, proof, root[..31]));
        Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf[..31], 2, 5, proof, root));
        Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, 2, 5, [proof[0], proof[1][..16], proof[2]], root));
        Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, -1, 5, proof, root));
        Assert.IsFalse(MerkleProofVerifier.VerifyInclusion(leaf, 5, 5, proof, root));
        Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(0, 5, MerkleHash.EmptyRoot(), root, []));
        Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(6, 5, root, root, []));
        Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(5, 5, root, root, null));
        Assert.IsFalse(MerkleProofVerifier.VerifyConsistency(5, 5, root, root, [root]));
        InvalidProofException e = Assert.ThrowsExactly<InvalidProofException>(() => MerkleProofVerifier.RootFromInclusionProof(leaf, 2, 5, proof[..2]));
        StringAssert.Contains(e.Message, "too short");
        e = Assert.ThrowsExactly<InvalidProofException>(() => MerkleProofVerifier.RootFromConsistencyProof(3, 5, tree.Root(2), tree.ConsistencyProof(3, 5)));
        StringAssert.Contains(e.Message, "size 3");
    }

    [TestMethod]
    public void LeafHashAccumulatorAgreesWithTheDefinition()
    {
        LeafHashAccumulator acc = new LeafHashAccumulator();
        for (int size = 0; size <= Exhaustive; size++)
        {
            CollectionAssert.AreEqual(NaiveMerkle.Mth(Leaves.Take(size).ToList()), acc.Root(), $"size {size}");
            acc.AppendEntry(Leaves[size]);
        }
    }

    /// <summary>
    /// A million leaves, the scale the ledger expects: the root must equal the one an independent
    /// streaming computation reaches, and proofs deep in the tree must verify. No timing assertion;
    /// this runs in a few seconds.
    /// </summary>
    [TestMethod]
    public void MillionLeafTree()
    {
        const int size = 1_000_000;
        MerkleTree tree = new MerkleTree();
        LeafHashAccumulator acc = new LeafHashAccumulator();
        Span<byte> data = stackalloc byte[8];
        Span<byte> leaf = stackalloc byte[32];
        for (long i = 0; i < size; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(data, i);
            MerkleHash.Leaf(data, leaf);
            tree.AppendLeafHash(leaf);
            acc.Append(leaf);
        }
        Assert.AreEqual((long)size, tree.Size);
        byte[] root = tree.Root();
        CollectionAssert.AreEqual(acc.Root(), root);
        Assert.AreEqual((long)(size >> 19), tree.CountAtLevel(19));
        Assert.AreEqual(0L, tree.CountAtLevel(20));

        Random random = new Random(6962);
        for (int t = 0; t < 200; t++)
        {
            long n = random.NextInt64(1, size + 1);
            long m = random.NextInt64(1, n + 1);
            long index = random.NextInt64(0, n);
            byte[] rootN = tree.Root(n);
            Assert.IsTrue(MerkleProofVerifier.VerifyInclusion(tree.LeafHash(index), index, n, tree.InclusionProof(index, n), rootN), $"inclusion {index} in {n}");
            Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(m, n, tree.Root(m), rootN, tree.ConsistencyProof(m, n)), $"consistency {m} to {n}");
        }
        Assert.IsTrue(MerkleProofVerifier.VerifyInclusion(tree.LeafHash(size - 1), size - 1, size, tree.InclusionProof(size - 1, size), root));
        Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(size - 1, size, tree.Root(size - 1), root, tree.ConsistencyProof(size - 1, size)));
    }

    /// <summary>
    /// The ledger serves proofs while it appends: readers racing a writer must only ever see
    /// consistent trees (every proof they get verifies against the root of the size they asked for).
    /// </summary>
    [TestMethod]
    public void ReadersRacingAWriterSeeConsistentTrees()
    {
        const int size = 20_000;
        MerkleTree tree = new MerkleTree();
        tree.AppendLeaf(TestLeaves.Numbered(0));
        Task writer = Task.Run(() =>
        {
            for (int i = 1; i < size; i++)
            {
                tree.AppendLeaf(TestLeaves.Numbered(i));
            }
        });
        int checks = 0;
        Task[] readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            Random random = new Random(r);
            while (!writer.IsCompleted || Volatile.Read(ref checks) < 100)
            {
                long n = tree.Size;
                long m = random.NextInt64(1, n + 1);
                long index = random.NextInt64(0, n);
                byte[] rootN = tree.Root(n);
                Assert.IsTrue(MerkleProofVerifier.VerifyInclusion(tree.LeafHash(index), index, n, tree.InclusionProof(index, n), rootN));
                Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(m, n, tree.Root(m), rootN, tree.ConsistencyProof(m, n)));
                Interlocked.Increment(ref checks);
            }
        })).ToArray();
        Task.WaitAll([writer, .. readers]);
        Assert.AreEqual((long)size, tree.Size);
        Assert.IsGreaterThanOrEqualTo(100, checks);
    }

    private static void AssertSameProof(IReadOnlyList<byte[]> expected, byte[][] actual, string what)
    {
        Assert.HasCount(expected.Count, actual, what);
        for (int i = 0; i < expected.Count; i++)
        {
            CollectionAssert.AreEqual(expected[i], actual[i], $"{what} hash {i}");
        }
    }
}
