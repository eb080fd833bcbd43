namespace Skold.Council
{
    /// <summary>
    /// Times in Skold formats: whole seconds since 2024-01-01T00:00:00Z as an unsigned 32-bit
    /// number (good until the year 2160). 0xFFFFFFFF means "no end".
    /// </summary>
    public static class SkoldTime
    {
        /// <summary>2024-01-01T00:00:00Z in Unix seconds.</summary>
        public const long EpochUnixSeconds = 1704067200;

        public static uint FromUnixSeconds(long unixSeconds)
        {
            long t = unixSeconds - EpochUnixSeconds;
            if (t < 0)
            {
                return 0;
            }
            return t >= 0xffffffffL ? 0xfffffffeu : (uint)t;
        }

        public static long ToUnixSeconds(uint time)
        {
            return time + EpochUnixSeconds;
        }
    }
}
