namespace Skold.Transparency;

/// <summary>The outcome of opening a signed note: its text, trusted because at least one known key's signature verified.</summary>
public sealed class VerifiedNote
{
    internal VerifiedNote(string text, IReadOnlyList<NoteSignature> verified, IReadOnlyList<NoteSignature> unverified)
    {
        Text = text;
        VerifiedSignatures = verified;
        UnverifiedSignatures = unverified;
    }

    /// <summary>The note text, ending in a newline.</summary>
    public string Text { get; }

    /// <summary>Signatures by known keys, all verified; never empty.</summary>
    public IReadOnlyList<NoteSignature> VerifiedSignatures { get; }

    /// <summary>Signatures by keys the caller did not list, ignored as the specification requires (e.g. witness cosignatures).</summary>
    public IReadOnlyList<NoteSignature> UnverifiedSignatures { get; }

    /// <summary>True when the given key's signature is among the verified ones.</summary>
    public bool IsSignedBy(NoteVerifier key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (NoteSignature s in VerifiedSignatures)
        {
            if (s.Name == key.Name && s.KeyId == key.KeyId)
            {
                return true;
            }
        }
        return false;
    }
}
