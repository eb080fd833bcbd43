namespace Skold.Council
{
    /// <summary>
    /// What a signed council document says. Genesis is the council's founding registry; the
    /// others are orders. The number is the low nibble of a document's first byte.
    /// </summary>
    public static class OrderKind
    {
        public const int Genesis = 0;
        public const int Alert = 1;
        public const int TeamActivation = 2;
        public const int DistributionRules = 3;
        public const int ReserveActivation = 4;
        public const int RegistryUpdate = 5;

        /// <summary>One more than the highest kind: the size of per-kind tables.</summary>
        public const int Count = 6;

        private static readonly string[] Names = { "genesis", "alert", "team-activation", "distribution-rules", "reserve-activation", "registry-update" };

        public static string Name(int kind)
        {
            return kind >= 0 && kind < Count ? Names[kind] : "kind " + kind;
        }

        public static int Parse(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
