using System.Text;

namespace Skold.Transparency.Tests;

/// <summary>
/// Keys, notes and signatures published in golang.org/x/mod/sumdb/note's note_test.go
/// (https://cs.opensource.google/go/x/mod/+/master:sumdb/note/note_test.go, BSD-3-Clause), used
/// here as facts: a note signed by our Ed25519 must be byte-for-byte the Go one, and Go's notes
/// must open here with the same verdicts.
/// </summary>
[TestClass]
public sealed class SignedNoteTests
{
    private const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string EnochVerifierKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    private const string Text = "If you think cryptography is the answer to your problem,\n" +
        "then you don't know what your problem is.\n";

    private const string PeterBase64 = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
    private const string EnochBase64 = "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";
    private const string PeterSig = "\u2014 PeterNeumann " + PeterBase64 + "\n";
    private const string EnochSig = "\u2014 EnochRoot " + EnochBase64 + "\n";

    private static readonly NoteVerifier Peter = NoteVerifier.Parse(PeterVerifierKey);
    private static readonly NoteVerifier Enoch = NoteVerifier.Parse(EnochVerifierKey);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [TestMethod]
    public void GoKeysParseAndRoundTrip()
    {
        Assert.AreEqual("PeterNeumann", Peter.Name);
        Assert.AreEqual(0xc74f20a3u, Peter.KeyId);
        Assert.AreEqual(PeterVerifierKey, Peter.ToString());
        Assert.AreEqual(0xaf0cfe78u, Enoch.KeyId);
        Assert.AreEqual(EnochVerifierKey, Enoch.ToString());

        NoteSigner signer = NoteSigner.Parse(PeterSignerKey);
        Assert.AreEqual(PeterSignerKey, signer.ToSignerKey());
        // Our Ed25519 derives Go's public key from Go's seed.
        Assert.AreEqual(PeterVerifierKey, signer.Verifier.ToString());
        Assert.AreEqual("PeterNeumann+c74f20a3", signer.ToString());
        Assert.AreEqual(0xc74f20a3u, NoteVerifier.ComputeKeyId("PeterNeumann", Peter.PublicKey));
    }

    [TestMethod]
    public void EveryManglingOfTheVerifierKeyIsRefused()
    {
        // As note_test.go's TestNewVerifier: every proper substring, and every single-character change.
        int refused = 0;
        for (int i = 0; i <= PeterVerifierKey.Length; i++)
        {
            for (int j = i + 1; j <= PeterVerifierKey.Length; j++)
            {
                if (i != 0 || j != PeterVerifierKey.Length)
                {
                    Assert.ThrowsExactly<NoteFormatException>(() => NoteVerifier.Parse(PeterVerifierKey[i..j]), PeterVerifierKey[i..j]);
                    refused++;
                }
            }
        }
        for (int i = 0; i < PeterVerifierKey.Length; i++)
        {
            char[] b = PeterVerifierKey.ToCharArray();
            b[i]++;
            Assert.ThrowsExactly<NoteFormatException>(() => NoteVerifier.Parse(new string(b)), new string(b));
        }
        Assert.IsGreaterThan(2000, refused);

        // Wrong key length and unknown algorithm, each with its key ID adjusted to match (from note_test.go).
        // (Go's decoder ignores the stray bits in "KEY=="; ours refuses the non-canonical base64 first.)
        Assert.ThrowsExactly<NoteFormatException>(() =>
            NoteVerifier.Parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() =>
            NoteVerifier.Parse("PeterNeumann+c74f20a3+" + Convert.ToBase64String([0x01, .. Peter.PublicKey, 0x00]))).Message, "Ed25519 needs 32");
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() =>
            NoteVerifier.Parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).Message, "0x65");
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() =>
            NoteVerifier.Parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).Message, "expected c74f20a3");
        // Upper-case hex is not the canonical spelling.
        Assert.ThrowsExactly<NoteFormatException>(() => NoteVerifier.Parse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    [TestMethod]
    public void EveryManglingOfTheSignerKeyIsRefused()
    {
        for (int i = 0; i <= PeterSignerKey.Length; i++)
        {
            for (int j = i + 1; j <= PeterSignerKey.Length; j++)
            {
                if (i != 0 || j != PeterSignerKey.Length)
                {
                    Assert.ThrowsExactly<NoteFormatException>(() => NoteSigner.Parse(PeterSignerKey[i..j]), PeterSignerKey[i..j]);
                }
            }
        }
        for (int i = 0; i < PeterSignerKey.Length; i++)
        {
            char[] b = PeterSignerKey.ToCharArray();
            b[i]++;
            Assert.ThrowsExactly<NoteFormatException>(() => NoteSigner.Parse(new string(b)), new string(b));
        }
    }

    [TestMethod]
    public void SigningReproducesGosNote()
    {
        NoteSigner signer = NoteSigner.Parse(PeterSignerKey);
        SignedNote note = SignedNote.Sign(Text, signer);
        Assert.AreEqual(Text + "\n" + PeterSig, note.ToString());
        CollectionAssert.AreEqual(Utf8(Text + "\n" + PeterSig), note.ToBytes());

        // Re-signing with the same key replaces the old signature instead of adding one.
        SignedNote resigned = SignedNote.Parse(Text + "\n" + "\u2014 PeterNeumann " + Convert.ToBase64String([0xc7, 0x4f, 0x20, 0xa3, .. new byte[64]]) + "\n").AddSignatures(signer);
        Assert.AreEqual(Text + "\n" + PeterSig, resigned.ToString());

        // Adding a signature keeps the others.
        NoteSigner other = NoteSigner.FromSeed("ledger.skold.example/log", new byte[32]);
        SignedNote both = note.AddSignatures(other);
        Assert.HasCount(2, both.Signatures);
        VerifiedNote opened = SignedNote.Open(both.ToBytes(), [Peter, other.Verifier]);
        Assert.HasCount(2, opened.VerifiedSignatures);

        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Sign("abc", signer)).Message, "newline");
        Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Sign("", signer));
        Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Sign("a\tb\n", signer));
        Assert.ThrowsExactly<ArgumentException>(() => NoteSigner.FromSeed("bad name", new byte[32]));
        Assert.ThrowsExactly<ArgumentException>(() => NoteSigner.FromSeed("a+b", new byte[32]));
        Assert.ThrowsExactly<ArgumentException>(() => NoteSigner.FromSeed("ok", new byte[31]));
    }

    [TestMethod]
    public void OpensGosNotesWithTheSameVerdicts()
    {
        byte[] message = Utf8(Text + "\n" + PeterSig + EnochSig);

        // One known key: one verified, one set aside.
        VerifiedNote n = SignedNote.Open(message, [Peter]);
        Assert.AreEqual(Text, n.Text);
        Assert.HasCount(1, n.VerifiedSignatures);
        Assert.AreEqual(PeterBase64, n.VerifiedSignatures[0].Base64);
        Assert.AreEqual(0xc74f20a3u, n.VerifiedSignatures[0].KeyId);
        Assert.HasCount(1, n.UnverifiedSignatures);
        Assert.AreEqual("EnochRoot", n.UnverifiedSignatures[0].Name);
        Assert.AreEqual(0xaf0cfe78u, n.UnverifiedSignatures[0].KeyId);
        Assert.IsTrue(n.IsSignedBy(Peter));
        Assert.IsFalse(n.IsSignedBy(Enoch));

        // Both known.
        n = SignedNote.Open(message, [Peter, Enoch]);
        Assert.HasCount(2, n.VerifiedSignatures);
        Assert.IsEmpty(n.UnverifiedSignatures);

        // None known: refused, naming who did sign. The form is still readable with Parse.
        NoteVerificationException e = Assert.ThrowsExactly<NoteVerificationException>(() => SignedNote.Open(message, []));
        StringAssert.Contains(e.Message, "PeterNeumann+c74f20a3");
        StringAssert.Contains(e.Message, "EnochRoot+af0cfe78");
        Assert.HasCount(2, SignedNote.Parse(message).Signatures);

        // The same key listed twice is one key, not an ambiguity.
        Assert.HasCount(1, SignedNote.Open(Utf8(Text + "\n" + EnochSig), [Enoch, Peter, NoteVerifier.Parse(EnochVerifierKey)]).VerifiedSignatures);

        // 100 copies of a signature are accepted (and count once); 101 lines are too many.
        Assert.HasCount(1, SignedNote.Open(Utf8(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 100))), [Peter]).VerifiedSignatures);
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() =>
            SignedNote.Open(Utf8(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 101))), [Peter])).Message, "at most 100");
    }

    [TestMethod]
    public void RefusesABadSignatureByAKnownKey()
    {
        // note_test.go inserts "ABCD" 60 bytes into the line, i.e. 43 characters into the base64.
        string corrupt = "\u2014 PeterNeumann " + PeterBase64.Insert(43, "ABCD") + "\n";
        NoteVerificationException e = Assert.ThrowsExactly<NoteVerificationException>(() => SignedNote.Open(Utf8(Text + "\n" + corrupt), [Peter]));
        StringAssert.Contains(e.Message, "PeterNeumann+c74f20a3");

        // Altered text.
        Assert.ThrowsExactly<NoteVerificationException>(() => SignedNote.Open(Utf8(Text.Replace("answer", "answers") + "\n" + PeterSig), [Peter]));

        // A known key's bad signature sinks the note even when another known key's signature is good.
        Assert.ThrowsExactly<NoteVerificationException>(() => SignedNote.Open(Utf8(Text + "\n" + PeterSig + "\u2014 EnochRoot " + EnochBase64.Insert(43, "ABCD") + "\n"), [Peter, Enoch]));

        // Repeated and corrupt signatures by an unknown key are set aside, identical ones once.
        string enochAbcd = EnochBase64.Insert(43, "ABCD");
        VerifiedNote n = SignedNote.Open(Utf8(Text + "\n" + PeterSig + PeterSig + EnochSig + EnochSig + "\u2014 EnochRoot " + enochAbcd + "\n"), [Peter]);
        Assert.HasCount(1, n.VerifiedSignatures);
        Assert.HasCount(2, n.UnverifiedSignatures);
        Assert.AreEqual(EnochBase64, n.UnverifiedSignatures[0].Base64);
        Assert.AreEqual(enochAbcd, n.UnverifiedSignatures[1].Base64);
    }

    [TestMethod]
    public void UnknownKeysAreIgnoredEvenWhenTheyShareANameOrAnId()
    {
        // Same name, other key ID; and same key ID, other name: neither is the known key (signed-note, "Signatures").
        string otherId = "\u2014 PeterNeumann " + Convert.ToBase64String([0xc7, 0x4f, 0x20, 0xa4, .. new byte[64]]) + "\n";
        string otherName = "\u2014 PeterNeuman " + Convert.ToBase64String([0xc7, 0x4f, 0x20, 0xa3, .. new byte[64]]) + "\n";
        VerifiedNote n = SignedNote.Open(Utf8(Text + "\n" + otherId + otherName + PeterSig), [Peter]);
        Assert.HasCount(1, n.VerifiedSignatures);
        Assert.HasCount(2, n.UnverifiedSignatures);
        Assert.ThrowsExactly<NoteVerificationException>(() => SignedNote.Open(Utf8(Text + "\n" + otherId + otherName), [Peter]));
    }

    [TestMethod]
    public void RefusesMalformedNotes()
    {
        // The bad messages of note_test.go's TestOpen, then more.
        string[] bad =
        [
            Text,
            Text + "\n",
            Text + "\n" + PeterSig[..^1],
            "\x01" + Text + "\n" + PeterSig,
            Text + "\n" + "\u2014 Bad Name " + PeterBase64,
            Text + "\n" + PeterSig + "Unexpected line.\n",
            Text + "\n" + "- PeterNeumann " + PeterBase64 + "\n",
            Text + "\n" + "\u2014 PeterNeumann" + PeterBase64 + "\n",
            Text + "\n" + "\u2014 PeterNeumann  " + PeterBase64 + "\n",
            Text + "\n" + "\u2014 PeterNeumann " + PeterBase64 + " \n",
            Text + "\n" + "\u2014 PeterNeumann " + PeterBase64.TrimEnd('=') + "\n",
            Text + "\n" + "\u2014 Peter+Neumann " + PeterBase64 + "\n",
            Text + "\n" + "\u2014 PeterNeumann AAAAAA==\n",
            Text + "\n" + "\u2014  " + PeterBase64 + "\n",
            Text + "\n" + PeterSig + "\n",
            Text + "\r\n" + PeterSig,
            "\n",
            "",
        ];
        foreach (string note in bad)
        {
            NoteFormatException e = Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Open(Utf8(note), [Peter]), note);
            Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
        }

        // Invalid UTF-8 bytes.
        byte[] invalid = [0xff, .. Utf8(Text + "\n" + PeterSig)];
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Parse(invalid)).Message, "UTF-8");

        // Non-canonical base64: the last character carries stray bits (…AM= is canonical, …AN= decodes the same).
        Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Parse(Text + "\n" + "\u2014 PeterNeumann " + PeterBase64[..^2] + "N=\n"));

        // Over the size limit.
        string huge = new string('a', SignedNote.MaxNoteBytes) + "\n\n" + PeterSig;
        StringAssert.Contains(Assert.ThrowsExactly<NoteFormatException>(() => SignedNote.Parse(huge)).Message, "bytes");
    }

    [TestMethod]
    public void TextMayHoldBlankLinesAndNonAscii()
    {
        NoteSigner signer = NoteSigner.FromSeed("quasimodo.example/salvatore", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        string poem = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n";
        SignedNote note = SignedNote.Sign(poem, signer);
        VerifiedNote opened = SignedNote.Open(note.ToBytes(), [signer.Verifier]);
        Assert.AreEqual(poem, opened.Text);

        // The separator is the last blank line, even when the text ends with one.
        SignedNote trailing = SignedNote.Sign("a\n\n", signer);
        Assert.AreEqual("a\n\n", SignedNote.Open(trailing.ToBytes(), [signer.Verifier]).Text);
    }

    [TestMethod]
    public void AcceptsTheSixteenSignaturesTheSpecificationRequires()
    {
        NoteSigner[] signers = Enumerable.Range(0, 16).Select(i => NoteSigner.FromSeed($"witness{i}.example", Enumerable.Repeat((byte)i, 32).ToArray())).ToArray();
        SignedNote note = SignedNote.Sign("log.example\n1\n" + Convert.ToBase64String(new byte[32]) + "\n", signers);
        VerifiedNote opened = SignedNote.Open(note.ToBytes(), signers.Select(s => s.Verifier));
        Assert.HasCount(16, opened.VerifiedSignatures);
    }

    [TestMethod]
    public void GeneratedKeysRoundTripThroughText()
    {
        NoteSigner signer = NoteSigner.Generate("ledger.skold.example/log");
        NoteSigner again = NoteSigner.Parse(signer.ToSignerKey());
        Assert.AreEqual(signer.Verifier.ToString(), again.Verifier.ToString());
        NoteVerifier verifier = NoteVerifier.Parse(signer.Verifier.ToString());
        byte[] message = Utf8("hi\n");
        Assert.IsTrue(verifier.Verify(message, again.Sign(message)));
        Assert.IsFalse(verifier.Verify(Utf8("ho\n"), again.Sign(message)));
        Assert.IsFalse(verifier.Verify(message, new byte[63]));
        Assert.IsFalse(signer.ToString().Contains("PRIVATE", StringComparison.Ordinal));
        Assert.IsFalse(NoteVerifier.IsValidKeyName("a\u00a0b"));
        Assert.IsFalse(NoteVerifier.IsValidKeyName(""));
        Assert.IsTrue(NoteVerifier.IsValidKeyName("example.com/abc123"));
    }
}
