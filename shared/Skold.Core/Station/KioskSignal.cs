namespace Skold.Station
{
    /// <summary>What the buzzer and LEDs do after a key: one signal per key press.</summary>
    public static class KioskSignal
    {
        public const int None = 0;

        /// <summary>A short click: the key was taken.</summary>
        public const int Key = 1;

        /// <summary>A bright beep and the green LED: done and recorded.</summary>
        public const int Done = 2;

        /// <summary>A long low tone and the red LED: refused, read the screen.</summary>
        public const int Refused = 3;

        /// <summary>Two beeps and the amber LED: it worked, but look (journal filling up, logged out).</summary>
        public const int Warning = 4;

        public const int GreenLed = 1;
        public const int RedLed = 2;
        public const int AmberLed = 4;

        public static int Leds(int signal)
        {
            switch (signal)
            {
                case Done:
                    return GreenLed;
                case Refused:
                    return RedLed;
                case Warning:
                    return AmberLed;
                default:
                    return 0;
            }
        }
    }
}
