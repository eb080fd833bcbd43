using System.Globalization;
using System.Text;

namespace Skold.Transparency;

/// <summary>
/// A c2sp.org/tlog-checkpoint note text: the origin line, the tree size in decimal, the base64
/// RFC 6962 root hash, then optional extension lines, each ending in a newline. Parsing is strict:
/// there is exactly one accepted spelling of each checkpoint, so two parties comparing checkpoints
/// as text (witnesses, gossip) never disagree about what was signed.
/// </summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    /// <summary>A checkpoint for a log's origin, tree size and root, with optional extension lines.</summary>
    public Checkpoint(string origin, long size, byte[] rootHash, IEnumerable<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(rootHash);
        CheckLine(origin, "origin");
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A tree size is not negative.");
        }
        if (rootHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A root hash is {MerkleHash.Size} bytes; got {rootHash.Length}.", nameof(rootHash));
        }
        List<string> lines = extensions?.ToList() ?? new List<string>();
        foreach (string line in lines)
        {
            CheckLine(line, "extension line");
        }
        Origin = origin;
        Size = size;
        _rootHash = (byte[])rootHash.Clone();
        Extensions = lines.AsReadOnly();
    }

    /// <summary>The log's identity, e.g. <c>ledger.skold.example/log</c>.</summary>
    public string Origin { get; }

    /// <summary>Number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>A copy of the 32-byte root hash.</summary>
    public byte[] RootHash => (byte[])_rootHash.Clone();

    /// <summary>Extension lines (opaque, non-empty); the specification advises against using them.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Parses checkpoint note text (the text of a signed note, ending in a newline).</summary>
    /// <exception cref="NoteFormatException">The text is not a checkpoint; the message names the line and the rule.</exception>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NoteText.CheckNoControl(text, "checkpoint");
        if (text.Length == 0 || text[text.Length - 1] != '\n')
        {
            throw new NoteFormatException("A checkpoint ends with a newline.");
        }
        string[] lines = text.Substring(0, text.Length - 1).Split('\n');
        if (lines.Length < 3)
        {
            throw new NoteFormatException($"A checkpoint has at least three lines (origin, size, root hash); this one has {lines.Length}.");
        }
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                throw new NoteFormatException($"Checkpoint line {i + 1} is empty; every line must have text.");
            }
        }
        long size = ParseSize(lines[1]);
        byte[]? root = NoteText.DecodeBase64Strict(lines[2]);
        if (root is null || root.Length != MerkleHash.Size)
        {
            throw new NoteFormatException($"Checkpoint line 3 must be the canonical base64 of a {MerkleHash.Size}-byte root hash; got '{lines[2]}'.");
        }
        return new Checkpoint(lines[0], size, root, lines.Skip(3));
    }

    /// <summary>Verifies a signed checkpoint with the log's key (other known keys may be given too) and parses its text.</summary>
    /// <exception cref="NoteFormatException">The note or its text is malformed.</exception>
    /// <exception cref="NoteVerificationException">The log's key did not sign it, or a known signature is bad.</exception>
    public static Checkpoint OpenSigned(ReadOnlySpan<byte> note, NoteVerifier logKey, IEnumerable<NoteVerifier>? otherKeys = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        VerifiedNote verified = SignedNote.Open(note, (otherKeys ?? Array.Empty<NoteVerifier>()).Append(logKey));
        if (!verified.IsSignedBy(logKey))
        {
            throw new NoteVerificationException($"The checkpoint is not signed by the log key {logKey.Name}+{logKey.KeyId:x8}.");
        }
        return Parse(verified.Text);
    }

    /// <summary>Signs this checkpoint as a note (the log's key name should equal the origin).</summary>
    public SignedNote Sign(params NoteSigner[] signers) => SignedNote.Sign(ToString(), signers);

    /// <summary>The checkpoint note text, each line ending in a newline.</summary>
    public override string ToString()
    {
        StringBuilder text = new StringBuilder();
        text.Append(Origin).Append('\n');
        text.Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (string line in Extensions)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static long ParseSize(string line)
    {
        bool digits = line.All(c => c >= '0' && c <= '9');
        if (!digits || (line.Length > 1 && line[0] == '0'))
        {
            throw new NoteFormatException($"Checkpoint line 2 must be the tree size in decimal without leading zeros; got '{line}'.");
        }
        if (!long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            throw new NoteFormatException($"The tree size '{line}' is larger than this library supports ({long.MaxValue}).");
        }
        return size;
    }

    private static void CheckLine(string line, string what)
    {
        ArgumentNullException.ThrowIfNull(line, what);
        if (line.Length == 0)
        {
            throw new ArgumentException($"A checkpoint {what} must not be empty.", what);
        }
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] < 0x20)
            {
                throw new ArgumentException($"A checkpoint {what} must not contain a newline or control character.", what);
            }
        }
        if (NoteText.StrictUtf8GetBytesOrNull(line) is null)
        {
            throw new ArgumentException($"A checkpoint {what} must be valid UTF-16 (no lone surrogates).", what);
        }
    }
}
