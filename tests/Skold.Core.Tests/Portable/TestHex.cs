using System;

namespace Skold.Tests.Portable
{
    /// <summary>Hex for test data, written in the subset so on-device tests can use it too.</summary>
    public static class TestHex
    {
        private const string Digits = "0123456789abcdef";

        public static string Encode(byte[] data)
        {
            char[] chars = new char[data.Length * 2];
            for (int i = 0; i < data.Length; i++)
            {
                chars[2 * i] = Digits[data[i] >> 4];
                chars[2 * i + 1] = Digits[data[i] & 15];
            }
            return new string(chars);
        }

        public static byte[] Decode(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                throw new ArgumentException("hex has an odd number of digits");
            }
            byte[] data = new byte[hex.Length / 2];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[2 * i + 1]));
            }
            return data;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            throw new ArgumentException("not a hex digit: " + c);
        }
    }
}
