namespace Skold.Council
{
    /// <summary>The four groups of the coordination council; each has two seats.</summary>
    public static class CouncilGroup
    {
        public const int Municipal = 0;
        public const int PoliceRescue = 1;
        public const int CivilSociety = 2;
        public const int Youth = 3;
        public const int Count = 4;

        private static readonly string[] Names = { "municipal", "police-rescue", "civil-society", "youth" };

        public static string Name(int group)
        {
            return group >= 0 && group < Count ? Names[group] : "group " + group;
        }

        /// <summary>The group for a name such as "civil-society", or -1.</summary>
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
