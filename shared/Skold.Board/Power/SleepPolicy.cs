namespace Skold.Board.Power
{
    /// <summary>
    /// When the ESP32 may enter light sleep between radio events, and for how long. The radio keeps
    /// listening on its own (DIO0 wakes the chip), so sleeping is safe only while no frame is on
    /// air or being checked, the host link is quiet (bytes arriving during light sleep wake it but
    /// the first ones may be lost), and the next timer is far enough away to be worth it.
    /// </summary>
    public static class SleepPolicy
    {
        /// <summary>Below this a sleep costs more in wake-up than it saves.</summary>
        public const long MinSleepMs = 200;

        /// <summary>Longest single sleep: the loop wakes to feed the watchdog and read the battery.</summary>
        public const long MaxSleepMs = 5000;

        /// <summary>After host-link traffic the node stays awake this long: a gateway is talking.</summary>
        public const long HostQuietMs = 60000;

        /// <summary>How long to light-sleep now, 0 for "stay awake".</summary>
        public static long SleepMs(long nowMs, bool enabled, bool radioBusy, long lastHostTrafficMs, long nextWakeMs, long nextLedChangeMs)
        {
            if (!enabled || radioBusy || nowMs - lastHostTrafficMs < HostQuietMs)
            {
                return 0;
            }
            long until = nextWakeMs < nextLedChangeMs ? nextWakeMs : nextLedChangeMs;
            long span = until - nowMs;
            if (span < MinSleepMs)
            {
                return 0;
            }
            return span > MaxSleepMs ? MaxSleepMs : span;
        }
    }
}
