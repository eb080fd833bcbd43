using System.Buffers.Binary;
using System.Globalization;

namespace Skold.Transparency;

/// <summary>
/// One signature line of a signed note, <c>— &lt;key name&gt; &lt;base64(key ID || signature)&gt;</c>
/// (em dash U+2014, then a space).
/// </summary>
public sealed class NoteSignature
{
    /// <summary>Em dash and space, the start of every signature line.</summary>
    public const string LinePrefix = "\u2014 ";

    private readonly byte[] _signature;

    private NoteSignature(string name, uint keyId, byte[] signature, string base64)
    {
        Name = name;
        KeyId = keyId;
        _signature = signature;
        Base64 = base64;
    }

    /// <summary>The key name on the line.</summary>
    public string Name { get; }

    /// <summary>The key ID (first four bytes of the base64 payload, big-endian).</summary>
    public uint KeyId { get; }

    /// <summary>The signature bytes after the key ID (64 for Ed25519; other types differ).</summary>
    public byte[] Signature => (byte[])_signature.Clone();

    /// <summary>The base64 text as it appears on the line.</summary>
    public string Base64 { get; }

    /// <summary>A signature line for a key name, key ID and signature bytes.</summary>
    public static NoteSignature Create(string name, uint keyId, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!NoteText.IsValidKeyName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid key name: it must be non-empty, without spaces, '+' or control characters.", nameof(name));
        }
        if (signature.Length == 0)
        {
            throw new ArgumentException("A signature is not empty.", nameof(signature));
        }
        byte[] payload = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, keyId);
        signature.CopyTo(payload, 4);
        return new NoteSignature(name, keyId, (byte[])signature.Clone(), Convert.ToBase64String(payload));
    }

    /// <summary>Parses one line without its newline.</summary>
    /// <exception cref="NoteFormatException">The line is not a signature line.</exception>
    public static NoteSignature ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException($"Signature line '{Shorten(line)}' must start with an em dash (U+2014) and a space.");
        }
        string rest = line.Substring(LinePrefix.Length);
        int space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new NoteFormatException($"Signature line '{Shorten(line)}' must be '— <key name> <base64 signature>'.");
        }
        string name = rest.Substring(0, space);
        string base64 = rest.Substring(space + 1);
        if (!NoteText.IsValidKeyName(name))
        {
            throw new NoteFormatException($"Signature line '{Shorten(line)}' has an invalid key name '{name}'.");
        }
        byte[]? payload = NoteText.DecodeBase64Strict(base64);
        if (payload is null)
        {
            throw new NoteFormatException($"The signature by '{name}' is not canonical standard base64.");
        }
        if (payload.Length < 5)
        {
            throw new NoteFormatException($"The signature by '{name}' is {payload.Length} bytes; it needs a 4-byte key ID and a signature.");
        }
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(payload), payload.AsSpan(4).ToArray(), base64);
    }

    /// <summary>The line, without its newline.</summary>
    public string ToLine() => LinePrefix + Name + " " + Base64;

    /// <summary>The key, as <c>name+id</c>, for messages.</summary>
    public string KeyLabel => Name + "+" + KeyId.ToString("x8", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => ToLine();

    private static string Shorten(string line) => line.Length <= 40 ? line : line.Substring(0, 40) + "…";
}
