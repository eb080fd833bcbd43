namespace Skold.Board.Status
{
    /// <summary>
    /// The status LED's blink patterns: each state is a cycle of on and off times in milliseconds,
    /// and IsOn says whether the LED is lit at a point in the cycle. The board's LED thread asks it
    /// every few tens of milliseconds; the patterns are short so the LED costs little battery.
    /// </summary>
    public static class LedPattern
    {
        // on, off, on, off, ... in milliseconds; the cycle repeats.
        private static readonly int[] FastBlink = { 100, 100 };
        private static readonly int[] ThreeShort = { 150, 150, 150, 150, 150, 1250 };
        private static readonly int[] Steady = { 1000, 0 };
        private static readonly int[] TwoShortFast = { 100, 150, 100, 1650 };
        private static readonly int[] TwoShortSlow = { 100, 150, 100, 4650 };
        private static readonly int[] LongFlash = { 2000, 2000 };
        private static readonly int[] Heartbeat = { 100, 4900 };

        /// <summary>The on/off times of a state's cycle.</summary>
        public static int[] For(int state)
        {
            switch (state)
            {
                case LedState.SelfTestFailed:
                    return FastBlink;
                case LedState.NotProvisioned:
                    return ThreeShort;
                case LedState.SelfTesting:
                case LedState.Transmitting:
                    return Steady;
                case LedState.BatteryCritical:
                    return TwoShortFast;
                case LedState.BatteryLow:
                    return TwoShortSlow;
                case LedState.SelfTestPassed:
                    return LongFlash;
                default:
                    return Heartbeat;
            }
        }

        public static int CycleMs(int state)
        {
            int[] steps = For(state);
            int total = 0;
            for (int i = 0; i < steps.Length; i++)
            {
                total += steps[i];
            }
            return total;
        }

        /// <summary>Whether the LED is lit msSinceStateStart into the state's pattern.</summary>
        public static bool IsOn(int state, long msSinceStateStart)
        {
            long remaining;
            return StepAt(state, msSinceStateStart, out remaining) % 2 == 0;
        }

        /// <summary>Milliseconds from msSinceStateStart until the LED next changes (for sleeping between changes).</summary>
        public static long MsToNextChange(int state, long msSinceStateStart)
        {
            long remaining;
            StepAt(state, msSinceStateStart, out remaining);
            return remaining;
        }

        // The step of the pattern (even: lit) msSinceStateStart falls in, and the time left in it.
        private static int StepAt(int state, long msSinceStateStart, out long remaining)
        {
            int[] steps = For(state);
            long at = msSinceStateStart % CycleMs(state);
            if (at < 0)
            {
                at += CycleMs(state);
            }
            for (int i = 0; i < steps.Length; i++)
            {
                if (at < steps[i])
                {
                    remaining = steps[i] - at;
                    return i;
                }
                at -= steps[i];
            }
            remaining = 1;
            return 1;
        }

        /// <summary>The most urgent state that applies (the smallest LedState number).</summary>
        public static int Choose(bool selfTestFailed, bool notProvisioned, bool selfTesting, bool transmitting, int batteryLevel, bool selfTestPassed)
        {
            if (selfTestFailed)
            {
                return LedState.SelfTestFailed;
            }
            if (notProvisioned)
            {
                return LedState.NotProvisioned;
            }
            if (selfTesting)
            {
                return LedState.SelfTesting;
            }
            if (transmitting)
            {
                return LedState.Transmitting;
            }
            if (batteryLevel == Power.BatteryLevel.Critical)
            {
                return LedState.BatteryCritical;
            }
            if (batteryLevel == Power.BatteryLevel.Low)
            {
                return LedState.BatteryLow;
            }
            return selfTestPassed ? LedState.SelfTestPassed : LedState.Running;
        }
    }
}
