namespace Skold.Board.Display
{
    /// <summary>
    /// What the kiosk's text becomes on an HD44780 with character ROM A00 (the common
    /// Japanese-standard font): HD44780U datasheet (Hitachi ADE-207-272(Z)), Table 4
    /// "Correspondence between Character Codes and Character Patterns (ROM Code: A00)".
    /// ASCII 0x20..0x7D is as in ASCII except 0x5C, which is a yen sign there. The ROM has
    /// a-umlaut at 0xE1, o-umlaut at 0xEF, u-umlaut at 0xF5 and a degree-like mark at 0xDF
    /// (the same codes as the A00 map in dotnet/iot's CharacterLcd binding). It has no
    /// a-ring and no capitals with marks: those four are our own 5x8 glyphs in CGRAM slots
    /// 0..3, loaded at start-up. Anything else shows as '?'.
    /// </summary>
    public static class Hd44780Charset
    {
        public const int SmallARing = 0;
        public const int CapitalARing = 1;
        public const int CapitalAUmlaut = 2;
        public const int CapitalOUmlaut = 3;
        public const int CustomCount = 4;

        public const byte Unknown = (byte)'?';

        // Rows top to bottom, bits 4..0 left to right; row 7 is the cursor row (the cursor stays off).
        private static readonly byte[][] Glyphs =
        {
            new byte[] { 0x04, 0x0a, 0x04, 0x0e, 0x01, 0x0f, 0x11, 0x0f }, // small a with ring
            new byte[] { 0x04, 0x0a, 0x04, 0x0e, 0x11, 0x1f, 0x11, 0x11 }, // capital A with ring
            new byte[] { 0x0a, 0x00, 0x0e, 0x11, 0x11, 0x1f, 0x11, 0x11 }, // capital A with diaeresis
            new byte[] { 0x0a, 0x00, 0x0e, 0x11, 0x11, 0x11, 0x11, 0x0e }, // capital O with diaeresis
        };

        /// <summary>The 8 pattern rows of custom character slot (0..CustomCount-1).</summary>
        public static byte[] Glyph(int slot)
        {
            return Glyphs[slot];
        }

        public static byte Encode(char c)
        {
            if (c >= ' ' && c <= '}' && c != '\\')
            {
                return (byte)c;
            }
            switch (c)
            {
                case '\u00e5':
                    return SmallARing;
                case '\u00c5':
                    return CapitalARing;
                case '\u00c4':
                    return CapitalAUmlaut;
                case '\u00d6':
                    return CapitalOUmlaut;
                case '\u00e4':
                    return 0xe1;
                case '\u00f6':
                    return 0xef;
                case '\u00fc':
                    return 0xf5;
                case '\u00b0':
                    return 0xdf;
                case '\u00e9':
                    return (byte)'e';
                case '\u00c9':
                    return (byte)'E';
                case '\u00dc':
                    return (byte)'U';
                default:
                    return Unknown;
            }
        }
    }
}
