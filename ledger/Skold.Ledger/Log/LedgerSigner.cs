using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Skold.Crypto;

namespace Skold.Ledger.Log;

/// <summary>
/// Signs the log's checkpoints as C2SP signed notes with the ledger's Ed25519 key
/// (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note). The key name is the
/// log's origin, so a witness or client that knows the verifier key can check it.
/// </summary>
public sealed class LedgerSigner
{
    private readonly Ed25519 _ed = new();
    private readonly Ed25519PrivateKey _key;
    private readonly byte[] _keyId;

    public LedgerSigner(string origin, byte[] seed)
    {
        if (string.IsNullOrEmpty(origin) || origin.Any(c => char.IsWhiteSpace(c) || c == '+'))
        {
            throw new ArgumentException("the log origin names the key: no spaces and no '+'", nameof(origin));
        }
        Origin = origin;
        _key = _ed.CreatePrivateKey(seed);
        PublicKey = _key.GetPublicKey();
        // signed-note key ID: SHA-256(name || 0x0A || 0x01 || public key), first 4 bytes.
        _keyId = SHA256.HashData([.. Encoding.UTF8.GetBytes(origin), 0x0a, 0x01, .. PublicKey])[..4];
        VerifierKey = $"{origin}+{Convert.ToHexString(_keyId).ToLowerInvariant()}+{Convert.ToBase64String([0x01, .. PublicKey])}";
    }

    public string Origin { get; }

    public byte[] PublicKey { get; }

    /// <summary>The vkey line: name+hex key id+base64(0x01 || public key).</summary>
    public string VerifierKey { get; }

    /// <summary>
    /// Checks a signed checkpoint note against a verifier key and reads it; FormatException says
    /// what is wrong (not a note, no signature by that key, a bad signature, a malformed body).
    /// </summary>
    public static LogCheckpoint VerifyCheckpoint(string note, string verifierKey)
    {
        string[] key = verifierKey.Split('+', 3);
        if (key.Length != 3 || key[1].Length != 8)
        {
            throw new FormatException("the verifier key is not name+keyid+key");
        }
        byte[] keyBytes = Convert.FromBase64String(key[2]);
        if (keyBytes.Length != 33 || keyBytes[0] != 0x01)
        {
            throw new FormatException("the verifier key is not an Ed25519 key");
        }
        int split = note.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            throw new FormatException("not a signed note (no blank line before the signatures)");
        }
        string body = note[..(split + 1)];
        var ed = new Ed25519();
        bool signed = false;
        foreach (string line in note[(split + 2)..].TrimEnd('\n').Split('\n'))
        {
            string[] parts = line.Split(' ');
            if (parts.Length != 3 || parts[0] != "\u2014")
            {
                throw new FormatException("a signature line is malformed: " + line);
            }
            byte[] signature = Convert.FromBase64String(parts[2]);
            if (parts[1] == key[0] && signature.Length == 68 && Convert.ToHexString(signature, 0, 4).Equals(key[1], StringComparison.OrdinalIgnoreCase))
            {
                if (!ed.Verify(signature[4..], Encoding.UTF8.GetBytes(body), keyBytes[1..]))
                {
                    throw new FormatException("the signature by " + key[0] + " does not verify");
                }
                signed = true;
            }
        }
        if (!signed)
        {
            throw new FormatException("the note has no signature by " + key[0]);
        }
        string[] lines = body.TrimEnd('\n').Split('\n');
        if (lines.Length < 3 || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            throw new FormatException("the checkpoint body is not origin, size and root");
        }
        byte[] root = Convert.FromBase64String(lines[2]);
        if (root.Length != 32)
        {
            throw new FormatException("the checkpoint root is not 32 bytes");
        }
        return new LogCheckpoint(lines[0], size, root);
    }

    public string SignCheckpoint(long size, byte[] root)
    {
        string body = $"{Origin}\n{size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(root)}\n";
        byte[] signature = _ed.Sign(_key, Encoding.UTF8.GetBytes(body));
        return body + "\n\u2014 " + Origin + " " + Convert.ToBase64String([.. _keyId, .. signature]) + "\n";
    }
}

public sealed record LogCheckpoint(string Origin, long Size, byte[] Root);
