using System.Globalization;
using System.Security.Cryptography;
using Skold.Crypto;

namespace Skold.Transparency;

/// <summary>
/// An Ed25519 signed-note signing key. Its text form is golang.org/x/mod/sumdb/note's signer key,
/// <c>PRIVATE+KEY+&lt;name&gt;+&lt;8 hex key ID&gt;+&lt;base64(0x01 || 32-byte seed)&gt;</c>, so keys move
/// between the ledger and Go tooling (witnesses, the note command) unchanged.
/// </summary>
public sealed class NoteSigner
{
    private const string Prefix = "PRIVATE+KEY+";

    private readonly byte[] _seed;
    private readonly Ed25519 _ed25519 = new Ed25519();
    private readonly Ed25519PrivateKey _key;
    private readonly Lock _lock = new Lock();

    private NoteSigner(byte[] seed, NoteVerifier verifier)
    {
        _seed = seed;
        _key = _ed25519.CreatePrivateKey(seed);
        Verifier = verifier;
    }

    /// <summary>The key name written in signature lines.</summary>
    public string Name => Verifier.Name;

    /// <summary>The key ID, the same as the verifier's.</summary>
    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching public key, to publish.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>A signer from a name and a 32-byte Ed25519 seed (RFC 8032 private key).</summary>
    public static NoteSigner FromSeed(string name, byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Length != Ed25519.SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {Ed25519.SeedSize} bytes; got {seed.Length}.", nameof(seed));
        }
        byte[] copy = (byte[])seed.Clone();
        return new NoteSigner(copy, NoteVerifier.FromPublicKey(name, PublicFromSeed(copy)));
    }

    /// <summary>A new random key for name.</summary>
    public static NoteSigner Generate(string name)
    {
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519.SeedSize);
        try
        {
            return FromSeed(name, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Parses signer key text, checking the key ID against the name and the derived public key.</summary>
    /// <exception cref="NoteFormatException">The text is malformed, names another algorithm, or its key ID is wrong.</exception>
    public static NoteSigner Parse(string signerKey)
    {
        ArgumentNullException.ThrowIfNull(signerKey);
        if (!signerKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException("A signer key starts with 'PRIVATE+KEY+'.");
        }
        string[] parts = signerKey.Substring(Prefix.Length).Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteFormatException("A signer key is 'PRIVATE+KEY+<name>+<8 hex digits>+<base64 key>'.");
        }
        byte[]? seed = null;
        NoteVerifier verifier = NoteVerifier.FromParts(parts[0], parts[1], parts[2], "signer key", s =>
        {
            seed = s;
            return PublicFromSeed(s);
        });
        return new NoteSigner(seed!, verifier);
    }

    /// <summary>The signer key text. It is the private key: store it like one, never log it.</summary>
    public string ToSignerKey()
    {
        byte[] key = new byte[1 + _seed.Length];
        key[0] = NoteVerifier.Ed25519Type;
        _seed.CopyTo(key, 1);
        try
        {
            return Prefix + Name + "+" + KeyId.ToString("x8", CultureInfo.InvariantCulture) + "+" + Convert.ToBase64String(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The Ed25519 signature (64 bytes) of message.</summary>
    public byte[] Sign(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            return _ed25519.Sign(_key, message);
        }
    }

    /// <summary>Public identity only — never the key — so a signer can be logged safely.</summary>
    public override string ToString() => Name + "+" + KeyId.ToString("x8", CultureInfo.InvariantCulture);

    private static byte[] PublicFromSeed(byte[] seed) => new Ed25519().CreatePrivateKey(seed).GetPublicKey();
}
