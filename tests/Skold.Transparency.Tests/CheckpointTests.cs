namespace Skold.Transparency.Tests;

[TestClass]
public sealed class CheckpointTests
{
    // The example of c2sp.org/tlog-checkpoint ("Transparency Log Checkpoints").
    private const string SpecExample = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [TestMethod]
    public void ParsesAndFormatsTheSpecificationExample()
    {
        Checkpoint c = Checkpoint.Parse(SpecExample);
        Assert.AreEqual("example.com/behind-the-sofa", c.Origin);
        Assert.AreEqual(20852163L, c.Size);
        Assert.AreEqual("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62", Convert.ToHexStringLower(c.RootHash));
        Assert.IsEmpty(c.Extensions);
        Assert.AreEqual(SpecExample, c.ToString());
    }

    [TestMethod]
    public void RoundTripsWithExtensionsAndTheEmptyTree()
    {
        Checkpoint c = new Checkpoint("ledger.skold.example/log", 0, MerkleHash.EmptyRoot(), ["ext one", "— two"]);
        string text = c.ToString();
        Assert.AreEqual("ledger.skold.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n— two\n", text);
        Checkpoint back = Checkpoint.Parse(text);
        Assert.AreEqual(c.Origin, back.Origin);
        Assert.AreEqual(0L, back.Size);
        CollectionAssert.AreEqual(c.RootHash, back.RootHash);
        CollectionAssert.AreEqual(new[] { "ext one", "— two" }, back.Extensions.ToArray());
        Assert.AreEqual(long.MaxValue, Checkpoint.Parse($"o\n{long.MaxValue}\n{Convert.ToBase64String(new byte[32])}\n").Size);
    }

    [TestMethod]
    public void RefusesEveryNonCanonicalCheckpoint()
    {
        string root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        string[] bad =
        [
            "",
            "\n",
            "example.com/log\n5\n" + root,                       // no final newline
            "example.com/log\n5\n",                              // no root
            "\n5\n" + root + "\n",                               // empty origin
            "example.com/log\n05\n" + root + "\n",              // leading zero
            "example.com/log\n00\n" + root + "\n",
            "example.com/log\n+5\n" + root + "\n",
            "example.com/log\n-5\n" + root + "\n",
            "example.com/log\n 5\n" + root + "\n",
            "example.com/log\n5 \n" + root + "\n",
            "example.com/log\n\n" + root + "\n",
            "example.com/log\n5x\n" + root + "\n",
            "example.com/log\n٥\n" + root + "\n",                // Arabic-Indic digit five
            "example.com/log\n9223372036854775808\n" + root + "\n", // 2^63
            "example.com/log\n5\n" + root.TrimEnd('=') + "\n",  // missing padding
            "example.com/log\n5\n" + root[..^2] + "J=\n",       // stray bits: not canonical
            "example.com/log\n5\nAAAA\n",                        // 3-byte hash
            "example.com/log\n5\n" + root + root + "\n",
            "example.com/log\n5\n" + root + " \n",
            "example.com/log\n5\n" + root + "\n\n",              // empty extension line
            "example.com/log\n5\n" + root + "\next\n\nmore\n",
            "example.com/log\r\n5\n" + root + "\n",              // control character
            "example.com/log\n5\n" + root + "\r\n",
            "example.com/log\t\n5\n" + root + "\n",
        ];
        foreach (string text in bad)
        {
            NoteFormatException e = Assert.ThrowsExactly<NoteFormatException>(() => Checkpoint.Parse(text), text);
            StringAssert.Matches(e.Message, new System.Text.RegularExpressions.Regex("checkpoint|Checkpoint|tree size"), text);
        }
    }

    [TestMethod]
    public void ConstructorRefusesWhatCouldNotBeParsedBack()
    {
        byte[] root = new byte[32];
        Assert.ThrowsExactly<ArgumentException>(() => new Checkpoint("", 1, root));
        Assert.ThrowsExactly<ArgumentException>(() => new Checkpoint("a\nb", 1, root));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Checkpoint("a", -1, root));
        Assert.ThrowsExactly<ArgumentException>(() => new Checkpoint("a", 1, new byte[31]));
        Assert.ThrowsExactly<ArgumentException>(() => new Checkpoint("a", 1, root, [""]));
        Assert.ThrowsExactly<ArgumentException>(() => new Checkpoint("a", 1, root, ["x\n"]));
    }

    [TestMethod]
    public void SignedCheckpointOpensOnlyWithTheLogKey()
    {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 1000; i++)
        {
            tree.AppendLeaf(TestLeaves.Numbered(i));
        }
        NoteSigner log = NoteSigner.FromSeed("ledger.skold.example/log", Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        NoteSigner witness = NoteSigner.FromSeed("witness.example/w1", Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        Checkpoint c = new Checkpoint(log.Name, tree.Size, tree.Root());
        byte[] note = c.Sign(log).AddSignatures(witness).ToBytes();

        Checkpoint opened = Checkpoint.OpenSigned(note, log.Verifier);
        Assert.AreEqual(1000L, opened.Size);
        CollectionAssert.AreEqual(tree.Root(), opened.RootHash);
        Assert.AreEqual(1000L, Checkpoint.OpenSigned(note, log.Verifier, [witness.Verifier]).Size);

        // Signed by a known key, but not the log's: refused.
        NoteVerificationException e = Assert.ThrowsExactly<NoteVerificationException>(() =>
            Checkpoint.OpenSigned(c.Sign(witness).ToBytes(), log.Verifier, [witness.Verifier]));
        StringAssert.Contains(e.Message, "ledger.skold.example/log");
        Assert.ThrowsExactly<NoteVerificationException>(() => Checkpoint.OpenSigned(c.Sign(witness).ToBytes(), log.Verifier));

        // A signed note that is not a checkpoint.
        Assert.ThrowsExactly<NoteFormatException>(() => Checkpoint.OpenSigned(SignedNote.Sign("hello\n", log).ToBytes(), log.Verifier));
    }
}
