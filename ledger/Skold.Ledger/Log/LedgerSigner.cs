using System.Text;
using Skold.Transparency;

namespace Skold.Ledger.Log;

/// <summary>
/// Signs the log's checkpoints as C2SP signed notes with the ledger's Ed25519 key
/// (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note). The key is named after
/// the log's origin, so a witness or client that knows the verifier key can check it.
/// </summary>
public sealed class LedgerSigner
{
    private readonly NoteSigner _signer;

    public LedgerSigner(string origin, byte[] seed)
    {
        if (!NoteVerifier.IsValidKeyName(origin))
        {
            throw new ArgumentException("the log origin names the key: no spaces and no '+'", nameof(origin));
        }
        Origin = origin;
        _signer = NoteSigner.FromSeed(origin, seed);
    }

    public string Origin { get; }

    /// <summary>The vkey line: name+hex key id+base64(0x01 || public key).</summary>
    public string VerifierKey => _signer.Verifier.ToString();

    public string SignCheckpoint(long size, byte[] root) => new Checkpoint(Origin, size, root).Sign(_signer).ToString();

    /// <summary>
    /// Checks a signed checkpoint note against a verifier key and reads it; FormatException says
    /// what is wrong (not a note, no signature by that key, a bad signature, a malformed body).
    /// </summary>
    public static LogCheckpoint VerifyCheckpoint(string note, string verifierKey)
    {
        try
        {
            Checkpoint checkpoint = Checkpoint.OpenSigned(Encoding.UTF8.GetBytes(note), NoteVerifier.Parse(verifierKey));
            return new LogCheckpoint(checkpoint.Origin, checkpoint.Size, checkpoint.RootHash);
        }
        catch (NoteVerificationException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}

public sealed record LogCheckpoint(string Origin, long Size, byte[] Root);
