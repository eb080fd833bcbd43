namespace Skold.Board.Kiosk
{
    /// <summary>
    /// When the kiosk tries to reach the ledger over Wi-Fi: only while nobody is logged in (a
    /// sync blocks the keypad for a while), soon after start, then every RetryMs while the grid
    /// (Wi-Fi, the ledger) is down, and every AfterSuccessMs once a sync went through. Each try
    /// costs power and a few seconds, so they stay rare.
    /// </summary>
    public sealed class SyncSchedule
    {
        public const long FirstMs = 2 * 60 * 1000;
        public const long RetryMs = 30 * 60 * 1000;
        public const long AfterSuccessMs = 6 * 60 * 60 * 1000;

        private long _nextMs;

        public SyncSchedule(long startMs)
        {
            _nextMs = startMs + FirstMs;
        }

        public int Tries { get; private set; }

        public bool Due(long nowMs, bool operatorLoggedIn)
        {
            return !operatorLoggedIn && nowMs >= _nextMs;
        }

        /// <summary>Call after each try: succeeded means the ledger acknowledged the whole journal.</summary>
        public void Tried(long nowMs, bool succeeded)
        {
            Tries++;
            _nextMs = nowMs + (succeeded ? AfterSuccessMs : RetryMs);
        }
    }
}
