namespace Skold.Board.Sync
{
    /// <summary>Standard base64 with padding (RFC 4648 section 4), as the ledger's JSON expects journal record bodies.</summary>
    public static class Base64
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        public static int EncodedLength(int count)
        {
            return (count + 2) / 3 * 4;
        }

        /// <summary>Writes the base64 of data[offset..offset+count) into text from at; returns where it ended.</summary>
        public static int Encode(byte[] data, int offset, int count, char[] text, int at)
        {
            int end = offset + count;
            int i = offset;
            for (; i + 2 < end; i += 3)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
                text[at++] = Alphabet[(v >> 18) & 63];
                text[at++] = Alphabet[(v >> 12) & 63];
                text[at++] = Alphabet[(v >> 6) & 63];
                text[at++] = Alphabet[v & 63];
            }
            if (end - i == 1)
            {
                int v = data[i] << 16;
                text[at++] = Alphabet[(v >> 18) & 63];
                text[at++] = Alphabet[(v >> 12) & 63];
                text[at++] = '=';
                text[at++] = '=';
            }
            else if (end - i == 2)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8);
                text[at++] = Alphabet[(v >> 18) & 63];
                text[at++] = Alphabet[(v >> 12) & 63];
                text[at++] = Alphabet[(v >> 6) & 63];
                text[at++] = '=';
            }
            return at;
        }

        public static string Encode(byte[] data)
        {
            char[] text = new char[EncodedLength(data.Length)];
            Encode(data, 0, data.Length, text, 0);
            return new string(text);
        }
    }
}
