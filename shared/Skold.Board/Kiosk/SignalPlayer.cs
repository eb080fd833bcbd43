using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// Plays a KioskSignal on the buzzer and LEDs without blocking the keypad loop: Play starts
    /// it, Update (called every loop pass) moves it on. A new signal cuts the one playing.
    /// Outputs are touched only when they change.
    /// </summary>
    public sealed class SignalPlayer
    {
        private readonly ISignalOutput _output;
        private int[] _steps = new int[0];
        private long _start;
        private long _ledsUntil;
        private int _tone = -1;
        private int _leds = -1;

        public SignalPlayer(ISignalOutput output)
        {
            _output = output;
            SetTone(0);
            SetLeds(0);
        }

        public bool Sounding
        {
            get { return _tone > 0; }
        }

        public void Play(int signal, long nowMs)
        {
            if (signal == KioskSignal.None)
            {
                return;
            }
            _steps = SignalPattern.Steps(signal);
            _start = nowMs;
            int leds = KioskSignal.Leds(signal);
            if (leds != 0)
            {
                _ledsUntil = nowMs + SignalPattern.LedMilliseconds(signal);
                SetLeds(leds);
            }
            else if (signal == KioskSignal.Key)
            {
                // The next key press clears the last verdict's LED: it is about the new screen.
                _ledsUntil = nowMs;
                SetLeds(0);
            }
            Update(nowMs);
        }

        public void Update(long nowMs)
        {
            long elapsed = nowMs - _start;
            int hz = 0;
            for (int i = 0; i + 1 < _steps.Length; i += 2)
            {
                if (elapsed < _steps[i + 1])
                {
                    hz = _steps[i];
                    break;
                }
                elapsed -= _steps[i + 1];
            }
            SetTone(hz);
            if (_leds != 0 && nowMs >= _ledsUntil)
            {
                SetLeds(0);
            }
        }

        private void SetTone(int hz)
        {
            if (hz != _tone)
            {
                _tone = hz;
                _output.Tone(hz);
            }
        }

        private void SetLeds(int mask)
        {
            if (mask != _leds)
            {
                _leds = mask;
                _output.Leds(mask);
            }
        }
    }
}
