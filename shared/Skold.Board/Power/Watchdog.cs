namespace Skold.Board.Power
{
    /// <summary>
    /// A software watchdog for the node loop. nanoFramework offers no managed watchdog API on the
    /// ESP32 (none in nanoFramework.Hardware.Esp32 1.6.42 or nanoFramework.Runtime.Native 1.7.11),
    /// and its ESP32 firmware builds with the ESP-IDF task watchdog off (CONFIG_ESP_TASK_WDT_INIT=n
    /// in nf-interpreter targets/ESP32/_IDF/sdkconfig.default; Watchdog_Reset is a no-op there).
    /// So the loop feeds this one, and a separate supervisor thread asks Starved; when the loop has
    /// not fed it for TimeoutMs the board reboots (Power.RebootDevice). It catches a hung loop
    /// (a blocked SPI or file call, an endless retry), not a hung runtime.
    /// </summary>
    public sealed class Watchdog
    {
        private readonly object _gate = new object();
        private long _lastFedMs;
        private string _lastStage = "boot";

        public Watchdog(long timeoutMs, long nowMs)
        {
            TimeoutMs = timeoutMs;
            _lastFedMs = nowMs;
        }

        public long TimeoutMs { get; }

        /// <summary>Called by the loop on every turn, with where it is (reported when it starves).</summary>
        public void Feed(long nowMs, string stage)
        {
            lock (_gate)
            {
                if (nowMs > _lastFedMs)
                {
                    _lastFedMs = nowMs;
                }
                _lastStage = stage;
            }
        }

        /// <summary>True when the loop has not fed the watchdog for longer than TimeoutMs: reboot.</summary>
        public bool Starved(long nowMs)
        {
            lock (_gate)
            {
                return nowMs - _lastFedMs > TimeoutMs;
            }
        }

        /// <summary>Where the loop last fed the watchdog, for the reboot message.</summary>
        public string LastStage
        {
            get
            {
                lock (_gate)
                {
                    return _lastStage;
                }
            }
        }
    }
}
