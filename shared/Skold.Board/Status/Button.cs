namespace Skold.Board.Status
{
    /// <summary>
    /// Debounces the user button from periodic samples (the board polls the pin every 10-20 ms:
    /// a contact bounces for a few milliseconds, so a level counts only when it has been stable
    /// for DebounceMs). A short press shows the status on serial; held at boot (HeldAtBoot) it
    /// starts the self-test. Works on the pressed/released level, whatever the pin's polarity.
    /// </summary>
    public sealed class Button
    {
        public const int DebounceMs = 30;
        public const int LongPressMs = 1500;

        /// <summary>How long the button must be held, from power-on, to start the self-test.</summary>
        public const int BootHoldMs = 1000;

        private bool _rawPressed;
        private long _rawSinceMs;
        private bool _stablePressed;
        private long _pressedAtMs;
        private bool _longReported;
        private bool _started;

        public bool Pressed
        {
            get { return _stablePressed; }
        }

        /// <summary>Feeds one sample of the pin (true = pressed) at nowMs; returns a ButtonEvent.</summary>
        public int Sample(bool pressed, long nowMs)
        {
            if (!_started || pressed != _rawPressed)
            {
                _started = true;
                _rawPressed = pressed;
                _rawSinceMs = nowMs;
            }
            if (nowMs - _rawSinceMs >= DebounceMs && _rawPressed != _stablePressed)
            {
                _stablePressed = _rawPressed;
                if (_stablePressed)
                {
                    _pressedAtMs = _rawSinceMs;
                    _longReported = false;
                }
                else if (!_longReported)
                {
                    return ButtonEvent.ShortPress;
                }
            }
            if (_stablePressed && !_longReported && nowMs - _pressedAtMs >= LongPressMs)
            {
                _longReported = true;
                return ButtonEvent.LongPress;
            }
            return ButtonEvent.None;
        }

        /// <summary>
        /// Whether the button was held from boot: samples[i] taken every intervalMs from power-on.
        /// True when, after debouncing, it reads pressed for BootHoldMs without a release.
        /// </summary>
        public static bool HeldAtBoot(bool[] samples, int count, int intervalMs)
        {
            Button button = new Button();
            bool wasPressed = false;
            for (int i = 0; i < count; i++)
            {
                long now = (long)i * intervalMs;
                button.Sample(samples[i], now);
                if (button.Pressed)
                {
                    wasPressed = true;
                }
                else if (wasPressed || now >= 4 * DebounceMs)
                {
                    // Released after a press, or never pressed once the contact had time to settle.
                    return false;
                }
                if (button.Pressed && now - button._pressedAtMs >= BootHoldMs)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
