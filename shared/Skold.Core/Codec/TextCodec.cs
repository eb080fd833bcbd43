namespace Skold.Codec
{
    /// <summary>
    /// Texts on air are Latin-1 when every character fits (Swedish å ä ö take one byte, not
    /// UTF-8's two) and UTF-8 otherwise; exactly one of the two is canonical for a given text.
    /// Control characters other than line feed are refused in both directions, so a text can
    /// never carry terminal escape sequences or hidden content.
    /// </summary>
    public static class TextCodec
    {
        public static bool NeedsUtf8(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xff)
                {
                    return true;
                }
            }
            return false;
        }

        public static byte[] Encode(string text)
        {
            CheckCharacters(text);
            if (!NeedsUtf8(text))
            {
                byte[] latin1 = new byte[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    latin1[i] = (byte)text[i];
                }
                return latin1;
            }
            ByteWriter writer = new ByteWriter(text.Length * 3);
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.Length && text[i + 1] >= 0xdc00 && text[i + 1] <= 0xdfff)
                {
                    c = 0x10000 + ((c - 0xd800) << 10) + (text[i + 1] - 0xdc00);
                    i++;
                }
                else if (c >= 0xd800 && c <= 0xdfff)
                {
                    throw new MalformedDataException("text has an unpaired surrogate at character " + i);
                }
                if (c < 0x80)
                {
                    writer.WriteByte(c);
                }
                else if (c < 0x800)
                {
                    writer.WriteByte(0xc0 | (c >> 6));
                    writer.WriteByte(0x80 | (c & 0x3f));
                }
                else if (c < 0x10000)
                {
                    writer.WriteByte(0xe0 | (c >> 12));
                    writer.WriteByte(0x80 | ((c >> 6) & 0x3f));
                    writer.WriteByte(0x80 | (c & 0x3f));
                }
                else
                {
                    writer.WriteByte(0xf0 | (c >> 18));
                    writer.WriteByte(0x80 | ((c >> 12) & 0x3f));
                    writer.WriteByte(0x80 | ((c >> 6) & 0x3f));
                    writer.WriteByte(0x80 | (c & 0x3f));
                }
            }
            return writer.ToArray();
        }

        public static string Decode(byte[] data, int offset, int count, bool utf8, string field)
        {
            char[] chars = new char[count];
            int length = 0;
            bool beyondLatin1 = false;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b = data[i];
                int c;
                if (!utf8)
                {
                    c = b;
                    i++;
                }
                else
                {
                    int extra;
                    int min;
                    if (b < 0x80)
                    {
                        c = b;
                        extra = 0;
                        min = 0;
                    }
                    else if ((b & 0xe0) == 0xc0)
                    {
                        c = b & 0x1f;
                        extra = 1;
                        min = 0x80;
                    }
                    else if ((b & 0xf0) == 0xe0)
                    {
                        c = b & 0x0f;
                        extra = 2;
                        min = 0x800;
                    }
                    else if ((b & 0xf8) == 0xf0)
                    {
                        c = b & 0x07;
                        extra = 3;
                        min = 0x10000;
                    }
                    else
                    {
                        throw new MalformedDataException(field + ": invalid UTF-8 byte 0x" + b.ToString("x2"));
                    }
                    if (end - i - 1 < extra)
                    {
                        throw new MalformedDataException(field + ": UTF-8 sequence cut short");
                    }
                    for (int k = 1; k <= extra; k++)
                    {
                        int next = data[i + k];
                        if ((next & 0xc0) != 0x80)
                        {
                            throw new MalformedDataException(field + ": invalid UTF-8 continuation byte");
                        }
                        c = (c << 6) | (next & 0x3f);
                    }
                    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
                    {
                        throw new MalformedDataException(field + ": overlong or invalid UTF-8 code point");
                    }
                    i += extra + 1;
                }
                if (!IsAllowed(c))
                {
                    throw new MalformedDataException(field + ": control character U+" + c.ToString("x4") + " is not allowed in text");
                }
                if (c > 0xff)
                {
                    beyondLatin1 = true;
                }
                // Four UTF-8 bytes make two UTF-16 chars, so chars never runs out.
                if (c >= 0x10000)
                {
                    c -= 0x10000;
                    chars[length++] = (char)(0xd800 + (c >> 10));
                    chars[length++] = (char)(0xdc00 + (c & 0x3ff));
                }
                else
                {
                    chars[length++] = (char)c;
                }
            }
            if (utf8 && !beyondLatin1)
            {
                throw new MalformedDataException(field + ": text fits Latin-1 but is sent as UTF-8 (not canonical)");
            }
            return new string(chars, 0, length);
        }

        private static void CheckCharacters(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (!IsAllowed(text[i]))
                {
                    throw new MalformedDataException("text has control character U+" + ((int)text[i]).ToString("x4") + " at " + i);
                }
            }
        }

        // Printable characters and line feed; no C0 or C1 controls, no DEL.
        private static bool IsAllowed(int c)
        {
            if (c == '\n')
            {
                return true;
            }
            return c >= 0x20 && !(c >= 0x7f && c <= 0x9f);
        }
    }
}
