namespace Skold.Board.Status
{
    /// <summary>
    /// What the status LED shows, most urgent first (LedPattern.Choose picks the most urgent
    /// that applies). The patterns are in LedPattern and in nodes/README.md for technicians.
    /// </summary>
    public static class LedState
    {
        /// <summary>Self-test found a fault: fast blink, 5 per second, without pause.</summary>
        public const int SelfTestFailed = 1;

        /// <summary>No provisioning, or a provisioning problem: three short blinks, pause. The node never transmits.</summary>
        public const int NotProvisioned = 2;

        /// <summary>Self-test running: on steady.</summary>
        public const int SelfTesting = 3;

        /// <summary>A frame is on air: on steady for its airtime.</summary>
        public const int Transmitting = 4;

        /// <summary>Battery critical (about 10 %): two short blinks every 2 s.</summary>
        public const int BatteryCritical = 5;

        /// <summary>Battery low (about 20 %): two short blinks every 5 s.</summary>
        public const int BatteryLow = 6;

        /// <summary>Self-test passed: one long 2 s flash every 4 s until the button is pressed or the board restarts.</summary>
        public const int SelfTestPassed = 7;

        /// <summary>Relaying normally: one short (0.1 s) blink every 5 s (as little light as possible: it costs battery).</summary>
        public const int Running = 8;

        public static string Name(int state)
        {
            switch (state)
            {
                case SelfTestFailed:
                    return "self-test failed";
                case NotProvisioned:
                    return "not provisioned";
                case SelfTesting:
                    return "self-test running";
                case Transmitting:
                    return "transmitting";
                case BatteryCritical:
                    return "battery critical";
                case BatteryLow:
                    return "battery low";
                case SelfTestPassed:
                    return "self-test passed";
                default:
                    return "running";
            }
        }
    }
}
