using System;

namespace Skold
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial and final
    /// value 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Catches torn and flipped
    /// bytes on flash; it is not a defence against tampering (the signed chain is).
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] data, int offset, int count)
        {
            return Append(0, data, offset, count);
        }

        /// <summary>The CRC of earlier bytes (whose CRC is crc) followed by these, as zlib's crc32(crc, ...).</summary>
        public static uint Append(uint crc, byte[] data, int offset, int count)
        {
            Bytes.CheckRange(data, offset, count);
            uint c = ~crc;
            for (int i = offset; i < offset + count; i++)
            {
                c = Table[(c ^ data[i]) & 0xff] ^ (c >> 8);
            }
            return ~c;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }
    }
}
