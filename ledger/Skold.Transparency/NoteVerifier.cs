using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Skold.Crypto;

namespace Skold.Transparency;

/// <summary>
/// An Ed25519 signed-note public key (c2sp.org/signed-note, signature type 0x01) with its name
/// and key ID, in the verifier key text of golang.org/x/mod/sumdb/note:
/// <c>&lt;name&gt;+&lt;8 hex digits key ID&gt;+&lt;base64(0x01 || 32-byte public key)&gt;</c>.
/// </summary>
public sealed class NoteVerifier
{
    /// <summary>The signature type byte of Ed25519 in signed notes.</summary>
    public const byte Ed25519Type = 0x01;

    private readonly byte[] _publicKey;
    private readonly Ed25519 _ed25519 = new Ed25519();
    private readonly Lock _lock = new Lock();

    private NoteVerifier(string name, byte[] publicKey)
    {
        Name = name;
        _publicKey = publicKey;
        KeyId = ComputeKeyId(name, publicKey);
    }

    /// <summary>The key name written in signature lines.</summary>
    public string Name { get; }

    /// <summary>SHA-256(name || 0x0A || 0x01 || public key), first four bytes big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>A copy of the 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>A verifier for a name and a 32-byte Ed25519 public key.</summary>
    public static NoteVerifier FromPublicKey(string name, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (!IsValidKeyName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid key name: it must be non-empty, without spaces, '+' or control characters.", nameof(name));
        }
        if (publicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {Ed25519.PublicKeySize} bytes; got {publicKey.Length}.", nameof(publicKey));
        }
        return new NoteVerifier(name, (byte[])publicKey.Clone());
    }

    /// <summary>Parses verifier key text, checking that the key ID matches the name and key.</summary>
    /// <exception cref="NoteFormatException">The text is malformed, names another algorithm, or its key ID is wrong.</exception>
    public static NoteVerifier Parse(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        // Names hold no '+', so the first two '+' end the name and the ID; base64 may hold more.
        string[] parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteFormatException("A verifier key is '<name>+<8 hex digits>+<base64 key>'.");
        }
        return FromParts(parts[0], parts[1], parts[2], "verifier key");
    }

    /// <summary>
    /// Checks the name, key ID and key of either key text and returns the verifier; for a signer key
    /// the key bytes are the seed, and the caller derives the public key.
    /// </summary>
    internal static NoteVerifier FromParts(string name, string id, string key64, string what, Func<byte[], byte[]>? publicFromSeed = null)
    {
        if (!IsValidKeyName(name))
        {
            throw new NoteFormatException($"The {what} name '{name}' is not valid: it must be non-empty, without spaces, '+' or control characters.");
        }
        if (!NoteText.TryParseKeyId(id, out uint keyId))
        {
            throw new NoteFormatException($"The {what} ID '{id}' must be exactly 8 lowercase hex digits.");
        }
        byte[]? key = NoteText.DecodeBase64Strict(key64);
        if (key is null || key.Length == 0)
        {
            throw new NoteFormatException($"The key part of the {what} is not canonical standard base64.");
        }
        if (key[0] != Ed25519Type)
        {
            throw new NoteFormatException($"The {what} is for signature type 0x{key[0]:x2}; only Ed25519 (0x01) is supported.");
        }
        if (key.Length != 1 + Ed25519.PublicKeySize)
        {
            throw new NoteFormatException($"The {what} holds {key.Length - 1} key bytes; Ed25519 needs {Ed25519.PublicKeySize}.");
        }
        byte[] material = key.AsSpan(1).ToArray();
        byte[] publicKey = publicFromSeed is null ? material : publicFromSeed(material);
        CryptographicOperations.ZeroMemory(key);
        NoteVerifier verifier = new NoteVerifier(name, publicKey);
        if (verifier.KeyId != keyId)
        {
            throw new NoteFormatException($"The {what} ID {id} does not match its name and key (expected {verifier.KeyId:x8}); the text was altered or mistyped.");
        }
        return verifier;
    }

    /// <summary>True when name is usable as a key name: non-empty, no Unicode space, no '+'.</summary>
    public static bool IsValidKeyName(string? name) => NoteText.IsValidKeyName(name);

    /// <summary>The signed-note key ID of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || key)[:4], big-endian.</summary>
    public static uint ComputeKeyId(string name, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = Ed25519Type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>True when signature (64 bytes, without the key ID) is this key's Ed25519 signature of message.</summary>
    public bool Verify(byte[] message, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }
        lock (_lock)
        {
            return _ed25519.Verify(signature, message, _publicKey);
        }
    }

    /// <summary>True for the same name and public key.</summary>
    internal bool SameKey(NoteVerifier other) =>
        Name == other.Name && CryptographicOperations.FixedTimeEquals(_publicKey, other._publicKey);

    /// <summary>The verifier key text, <c>name+id+base64(0x01 || key)</c>.</summary>
    public override string ToString()
    {
        byte[] key = new byte[1 + _publicKey.Length];
        key[0] = Ed25519Type;
        _publicKey.CopyTo(key, 1);
        return Name + "+" + KeyId.ToString("x8", CultureInfo.InvariantCulture) + "+" + Convert.ToBase64String(key);
    }
}
