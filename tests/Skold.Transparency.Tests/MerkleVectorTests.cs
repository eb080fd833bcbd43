using System.Text.Json;

namespace Skold.Transparency.Tests;

/// <summary>
/// transparency-dev/merkle testdata (tests/vectors/merkle, Apache-2.0): RFC 6962 inclusion and
/// consistency proofs, the valid ones and many corruptions of them, through the independent
/// verifier. A vector with wantErr must be refused, every other one accepted.
/// </summary>
[TestClass]
public sealed class MerkleVectorTests
{
    private static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "vectors", "merkle");

    public static IEnumerable<object[]> InclusionFiles => Files("inclusion");

    public static IEnumerable<object[]> ConsistencyFiles => Files("consistency");

    [TestMethod]
    [DynamicData(nameof(InclusionFiles))]
    public void InclusionVector(string file)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, file)));
        JsonElement v = json.RootElement;
        bool ok = MerkleProofVerifier.VerifyInclusion(
            Bytes(v, "leafHash"), Size(v, "leafIdx"), Size(v, "treeSize"), Proof(v), Bytes(v, "root"));
        Assert.AreEqual(!v.GetProperty("wantErr").GetBoolean(), ok, v.GetProperty("desc").GetString());
    }

    [TestMethod]
    [DynamicData(nameof(ConsistencyFiles))]
    public void ConsistencyVector(string file)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, file)));
        JsonElement v = json.RootElement;
        bool ok = MerkleProofVerifier.VerifyConsistency(
            Size(v, "size1"), Size(v, "size2"), Bytes(v, "root1"), Bytes(v, "root2"), Proof(v));
        Assert.AreEqual(!v.GetProperty("wantErr").GetBoolean(), ok, v.GetProperty("desc").GetString());
    }

    [TestMethod]
    public void EveryVectorFileIsFound()
    {
        // 98 of each in tests/vectors/merkle: guard against a broken Content link silently running none.
        Assert.AreEqual(98, InclusionFiles.Count(), "inclusion vectors");
        Assert.AreEqual(98, ConsistencyFiles.Count(), "consistency vectors");
    }

    /// <summary>
    /// The happy paths with tree size up to 8 are proofs over the RFC 6962 test leaves; the tree must
    /// produce exactly those proofs and roots, not just proofs the verifier likes.
    /// </summary>
    [TestMethod]
    public void TreeReproducesTheHappyPathProofs()
    {
        MerkleTree tree = new MerkleTree();
        foreach (byte[] leaf in TestLeaves.Rfc6962)
        {
            tree.AppendLeaf(leaf);
        }
        int checkedInclusion = 0;
        foreach (object[] row in InclusionFiles)
        {
            string file = (string)row[0];
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, file)));
            JsonElement v = json.RootElement;
            long size = Size(v, "treeSize");
            if (!file.EndsWith("happy-path.json", StringComparison.Ordinal) || size > 8)
            {
                continue;
            }
            long index = Size(v, "leafIdx");
            CollectionAssert.AreEqual(Bytes(v, "root"), tree.Root(size), file);
            CollectionAssert.AreEqual(Bytes(v, "leafHash"), tree.LeafHash(index), file);
            AssertSameProof(Proof(v), tree.InclusionProof(index, size), file);
            checkedInclusion++;
        }
        int checkedConsistency = 0;
        foreach (object[] row in ConsistencyFiles)
        {
            string file = (string)row[0];
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, file)));
            JsonElement v = json.RootElement;
            long size1 = Size(v, "size1");
            long size2 = Size(v, "size2");
            if (!file.EndsWith("happy-path.json", StringComparison.Ordinal) || size2 > 8)
            {
                continue;
            }
            CollectionAssert.AreEqual(Bytes(v, "root1"), tree.Root(size1), file);
            CollectionAssert.AreEqual(Bytes(v, "root2"), tree.Root(size2), file);
            AssertSameProof(Proof(v), tree.ConsistencyProof(size1, size2), file);
            checkedConsistency++;
        }
        Assert.IsGreaterThanOrEqualTo(4, checkedInclusion);
        Assert.IsGreaterThanOrEqualTo(4, checkedConsistency);
    }

    private static void AssertSameProof(byte[][] expected, byte[][] actual, string file)
    {
        Assert.HasCount(expected.Length, actual, file);
        for (int i = 0; i < expected.Length; i++)
        {
            CollectionAssert.AreEqual(expected[i], actual[i], $"{file} hash {i}");
        }
    }

    private static IEnumerable<object[]> Files(string kind)
    {
        string dir = System.IO.Path.Combine(Root, kind);
        return Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });
    }

    // The vectors use uint64; the API takes long, so 2^64 - 1 arrives as -1, as it would from any
    // caller converting a wire value, and must be refused.
    private static long Size(JsonElement v, string name) => unchecked((long)v.GetProperty(name).GetUInt64());

    private static byte[] Bytes(JsonElement v, string name)
    {
        JsonElement e = v.GetProperty(name);
        return e.ValueKind == JsonValueKind.Null ? Array.Empty<byte>() : Convert.FromBase64String(e.GetString()!);
    }

    private static byte[][] Proof(JsonElement v)
    {
        JsonElement e = v.GetProperty("proof");
        return e.ValueKind == JsonValueKind.Null
            ? Array.Empty<byte[]>()
            : e.EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToArray();
    }
}
