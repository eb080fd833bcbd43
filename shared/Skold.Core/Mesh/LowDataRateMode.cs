namespace Skold.Mesh
{
    /// <summary>
    /// Whether the radio uses low-data-rate optimisation (LDRO, "DE" in the time-on-air
    /// formula). Auto turns it on when a symbol lasts 16 ms or more, as Semtech requires.
    /// </summary>
    public static class LowDataRateMode
    {
        public const int Auto = 0;
        public const int On = 1;
        public const int Off = 2;

        private static readonly string[] Names = { "auto", "on", "off" };

        public static string Name(int mode)
        {
            return mode >= Auto && mode <= Off ? Names[mode] : "mode " + mode;
        }

        /// <summary>"auto", "on" or "off"; -1 for anything else.</summary>
        public static int Parse(string text)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == text)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
