namespace Skold.HostLink
{
    /// <summary>
    /// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR; check
    /// value of "123456789" is 0x29B1), small and table-free for the link's short frames.
    /// </summary>
    public static class Crc16
    {
        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = 0xffff;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i] << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
                }
            }
            return crc;
        }
    }
}
