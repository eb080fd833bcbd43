using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// How each KioskSignal sounds and shines, in whole milliseconds and hertz: steps of
    /// (tone hz, duration ms) where 0 hz is a pause, and how long its LED stays lit. Pitches
    /// sit where small piezo discs are loud (2-4 kHz); the refusal is low and long so it is
    /// told apart without looking, even with gloves and a queue.
    /// </summary>
    public static class SignalPattern
    {
        private static readonly int[] Silent = new int[0];
        private static readonly int[] KeyClick = { 4000, 15 };
        private static readonly int[] DoneBeep = { 2700, 150 };
        private static readonly int[] RefusedTone = { 800, 700 };
        private static readonly int[] WarningBeeps = { 2000, 100, 0, 100, 2000, 100 };

        /// <summary>The steps as pairs: hz, ms, hz, ms...</summary>
        public static int[] Steps(int signal)
        {
            switch (signal)
            {
                case KioskSignal.Key:
                    return KeyClick;
                case KioskSignal.Done:
                    return DoneBeep;
                case KioskSignal.Refused:
                    return RefusedTone;
                case KioskSignal.Warning:
                    return WarningBeeps;
                default:
                    return Silent;
            }
        }

        /// <summary>How long the signal's LED stays lit (a refusal or warning longer: read the screen).</summary>
        public static int LedMilliseconds(int signal)
        {
            switch (signal)
            {
                case KioskSignal.Done:
                    return 1500;
                case KioskSignal.Refused:
                case KioskSignal.Warning:
                    return 3000;
                default:
                    return 0;
            }
        }

        public static int SoundMilliseconds(int signal)
        {
            int[] steps = Steps(signal);
            int total = 0;
            for (int i = 1; i < steps.Length; i += 2)
            {
                total += steps[i];
            }
            return total;
        }
    }
}
