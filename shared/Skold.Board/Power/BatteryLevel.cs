namespace Skold.Board.Power
{
    /// <summary>What the battery reading means for the node (BatteryGauge.Level).</summary>
    public static class BatteryLevel
    {
        /// <summary>No battery pin on this board, or the reading is outside what a cell can show (no cell, USB power only).</summary>
        public const int Unknown = 0;

        public const int Good = 1;

        /// <summary>About 20 % left: the LED says so, the volunteer should swap or charge the cell.</summary>
        public const int Low = 2;

        /// <summary>About 10 % left: the node keeps relaying but warns on every status.</summary>
        public const int Critical = 3;

        public static string Name(int level)
        {
            switch (level)
            {
                case Good:
                    return "good";
                case Low:
                    return "low";
                case Critical:
                    return "critical";
                default:
                    return "unknown";
            }
        }
    }
}
