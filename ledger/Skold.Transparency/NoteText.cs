using System.Globalization;
using System.Text;

namespace Skold.Transparency;

/// <summary>Rules of c2sp.org/signed-note shared by notes, keys and checkpoints.</summary>
internal static class NoteText
{
    public static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>
    /// Key names are non-empty and hold no Unicode space and no '+' (signed-note, "Format").
    /// Control characters are refused too, since no note may contain them.
    /// </summary>
    public static bool IsValidKeyName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        foreach (Rune rune in name.EnumerateRunes())
        {
            if (rune.Value == '+' || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || rune == Rune.ReplacementChar)
            {
                return false;
            }
        }
        // Lone surrogates become U+FFFD above; a round trip catches any that slipped through.
        return StrictUtf8GetBytesOrNull(name) is not null;
    }

    /// <summary>Signed notes must be valid UTF-8 with no control character other than newline.</summary>
    public static string DecodeNoteBytes(ReadOnlySpan<byte> bytes, string what)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new NoteFormatException($"The {what} is not valid UTF-8 (at byte {e.Index}).");
        }
        CheckNoControl(text, what);
        return text;
    }

    public static void CheckNoControl(string text, string what)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 && text[i] != '\n')
            {
                throw new NoteFormatException($"The {what} contains control character U+{(int)text[i]:X4} at position {i}; only newline is allowed.");
            }
        }
    }

    public static byte[]? StrictUtf8GetBytesOrNull(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Standard base64 (RFC 4648 section 4) in its one canonical spelling: padding required, no
    /// whitespace (which .NET's decoder would skip), no stray bits in the last character.
    /// </summary>
    public static byte[]? DecodeBase64Strict(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return null;
        }
        foreach (char c in text)
        {
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
            if (!ok)
            {
                return null;
            }
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
        return Convert.ToBase64String(bytes) == text ? bytes : null;
    }

    /// <summary>Exactly eight lowercase hex digits, as the key texts print them.</summary>
    public static bool TryParseKeyId(string text, out uint keyId)
    {
        keyId = 0;
        if (text.Length != 8)
        {
            return false;
        }
        foreach (char c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }
        return uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out keyId);
    }
}
