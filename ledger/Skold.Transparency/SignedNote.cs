using System.Text;

namespace Skold.Transparency;

/// <summary>
/// A c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more signature
/// lines. <see cref="Parse(ReadOnlySpan{byte})"/> checks only the form; <see cref="Verify"/> and
/// <see cref="Open"/> decide whether the text can be trusted.
/// </summary>
public sealed class SignedNote
{
    /// <summary>
    /// Most signature lines accepted. The specification asks verifiers to cap the count and to
    /// accept at least 16; 100 is golang.org/x/mod/sumdb/note's cap, so whatever Go accepts we accept.
    /// </summary>
    public const int MaxSignatures = 100;

    /// <summary>
    /// Largest note accepted, in bytes: room for 100 post-quantum signatures of nearly 5 kB (the
    /// size the specification warns of) and a text far beyond any checkpoint, while bounding the
    /// work a hostile publisher can cause.
    /// </summary>
    public const int MaxNoteBytes = 1 << 20;

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    /// <summary>The text, ending in a newline; the separating blank line is not part of it.</summary>
    public string Text { get; }

    /// <summary>The signature lines, in order, duplicates included.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Signs text (which must end in a newline) with each signer, in order.</summary>
    public static SignedNote Sign(string text, params NoteSigner[] signers)
    {
        CheckText(text);
        return new SignedNote(text, Array.Empty<NoteSignature>()).AddSignatures(signers);
    }

    /// <summary>
    /// This note with the signers' signatures added after the existing ones; an existing signature
    /// by the same key (name and ID) is dropped, so re-signing replaces rather than duplicates.
    /// </summary>
    public SignedNote AddSignatures(params NoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Length == 0)
        {
            throw new ArgumentException("Give at least one signer.", nameof(signers));
        }
        byte[] message = Encoding.UTF8.GetBytes(Text);
        List<NoteSignature> added = new List<NoteSignature>();
        foreach (NoteSigner signer in signers)
        {
            ArgumentNullException.ThrowIfNull(signer, nameof(signers));
            added.Add(NoteSignature.Create(signer.Name, signer.KeyId, signer.Sign(message)));
        }
        List<NoteSignature> all = Signatures
            .Where(s => !added.Any(a => a.Name == s.Name && a.KeyId == s.KeyId))
            .Concat(added)
            .ToList();
        SignedNote note = new SignedNote(Text, all);
        if (all.Count > MaxSignatures || Encoding.UTF8.GetByteCount(note.ToString()) > MaxNoteBytes)
        {
            throw new InvalidOperationException($"The signed note would exceed {MaxSignatures} signatures or {MaxNoteBytes} bytes, and no verifier here would accept it.");
        }
        return note;
    }

    /// <summary>Parses a note from its UTF-8 bytes, checking form and size limits only.</summary>
    /// <exception cref="NoteFormatException">The note is malformed or too big; the message says how.</exception>
    public static SignedNote Parse(ReadOnlySpan<byte> note)
    {
        if (note.Length > MaxNoteBytes)
        {
            throw new NoteFormatException($"The note is {note.Length} bytes; at most {MaxNoteBytes} are accepted.");
        }
        return ParseText(NoteText.DecodeNoteBytes(note, "note"));
    }

    /// <summary>Parses a note from a string, with the same checks as the byte form.</summary>
    /// <exception cref="NoteFormatException">The note is malformed or too big; the message says how.</exception>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        byte[] bytes = NoteText.StrictUtf8GetBytesOrNull(note)
            ?? throw new NoteFormatException("The note holds a lone UTF-16 surrogate, so it is not valid UTF-8.");
        return Parse(bytes);
    }

    /// <summary>Parses and verifies in one step; see <see cref="Verify"/>.</summary>
    public static VerifiedNote Open(ReadOnlySpan<byte> note, IEnumerable<NoteVerifier> knownKeys) => Parse(note).Verify(knownKeys);

    /// <summary>
    /// Checks the signatures against the known keys, as c2sp.org/signed-note requires: signatures
    /// by unknown keys (name and ID not both matching a known key) are set aside; every signature by
    /// a known key must verify; at least one must.
    /// </summary>
    /// <exception cref="NoteVerificationException">A known key's signature fails, or no known key signed.</exception>
    /// <exception cref="ArgumentException">Two different known keys share a name and key ID, so signatures could not be attributed.</exception>
    public VerifiedNote Verify(IEnumerable<NoteVerifier> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(knownKeys);
        Dictionary<(string, uint), NoteVerifier> known = new Dictionary<(string, uint), NoteVerifier>();
        foreach (NoteVerifier key in knownKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(knownKeys));
            if (known.TryGetValue((key.Name, key.KeyId), out NoteVerifier? other) && !other.SameKey(key))
            {
                throw new ArgumentException($"Two different known keys are both named {key.Name}+{key.KeyId:x8}; remove one.", nameof(knownKeys));
            }
            known[(key.Name, key.KeyId)] = key;
        }

        byte[] message = Encoding.UTF8.GetBytes(Text);
        List<NoteSignature> verified = new List<NoteSignature>();
        List<NoteSignature> unverified = new List<NoteSignature>();
        foreach (NoteSignature signature in Signatures)
        {
            if (!known.TryGetValue((signature.Name, signature.KeyId), out NoteVerifier? key))
            {
                // Identical repeated lines are kept once.
                if (!unverified.Any(u => u.Name == signature.Name && u.Base64 == signature.Base64))
                {
                    unverified.Add(signature);
                }
                continue;
            }
            if (verified.Any(v => v.Name == signature.Name && v.KeyId == signature.KeyId))
            {
                // One verified signature per key is enough; a repeat (even a different one) is not checked again.
                continue;
            }
            if (!key.Verify(message, signature.Signature))
            {
                throw new NoteVerificationException(
                    $"The signature by known key {signature.KeyLabel} does not verify: the note text was altered after signing, or the signature is corrupt.");
            }
            verified.Add(signature);
        }
        if (verified.Count == 0)
        {
            string signedBy = string.Join(", ", Signatures.Select(s => s.KeyLabel).Distinct());
            string knownList = known.Count == 0 ? "none" : string.Join(", ", known.Values.Select(k => $"{k.Name}+{k.KeyId:x8}"));
            throw new NoteVerificationException(
                $"The note carries no signature by a known key. It is signed by: {signedBy}. Known keys: {knownList}.");
        }
        return new VerifiedNote(Text, verified, unverified);
    }

    /// <summary>The note as text: the text, a blank line, the signature lines, each ending in a newline.</summary>
    public override string ToString()
    {
        StringBuilder note = new StringBuilder(Text).Append('\n');
        foreach (NoteSignature s in Signatures)
        {
            note.Append(s.ToLine()).Append('\n');
        }
        return note.ToString();
    }

    /// <summary>The note as UTF-8 bytes, ready to serve.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    private static SignedNote ParseText(string note)
    {
        // The text is separated from the signatures by the last blank line.
        int split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new NoteFormatException("The note has no blank line before its signatures; a signed note is text, a blank line, then '— <name> <signature>' lines.");
        }
        string text = note.Substring(0, split + 1);
        string block = note.Substring(split + 2);
        if (block.Length == 0)
        {
            throw new NoteFormatException("The note has no signature lines after its last blank line.");
        }
        if (block[block.Length - 1] != '\n')
        {
            throw new NoteFormatException("The note's last signature line does not end with a newline.");
        }
        string[] lines = block.Substring(0, block.Length - 1).Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new NoteFormatException($"The note has {lines.Length} signature lines; at most {MaxSignatures} are accepted.");
        }
        List<NoteSignature> signatures = new List<NoteSignature>(lines.Length);
        foreach (string line in lines)
        {
            signatures.Add(NoteSignature.ParseLine(line));
        }
        return new SignedNote(text, signatures);
    }

    private static void CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[text.Length - 1] != '\n')
        {
            throw new NoteFormatException("A note text must end with a newline.");
        }
        if (NoteText.StrictUtf8GetBytesOrNull(text) is null)
        {
            throw new NoteFormatException("The note text holds a lone UTF-16 surrogate, so it is not valid UTF-8.");
        }
        NoteText.CheckNoControl(text, "note text");
    }
}
