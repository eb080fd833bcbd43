using Skold.Board.Clock;
using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The boot screen for a kiosk whose clock cannot be trusted, on the real panel: keys from the
    /// matrix go to the station's ClockEntry, its lines to the display, its signal to the buzzer
    /// and LEDs. Once an operator confirms, the board's clock and the DS3231 (when fitted) take
    /// the time and the station starts, recording who set it. Call Step every few milliseconds.
    /// </summary>
    public sealed class ClockSetting
    {
        private readonly KioskStation _waiting;
        private readonly ClockEntry _entry;
        private readonly KioskClock _clock;
        private readonly ISystemClock _board;
        private readonly KeypadScanner _keypad;
        private readonly Hd44780 _display;
        private readonly SignalPlayer _signal;
        private readonly string[] _lines = new string[Skold.Station.Kiosk.Rows];

        public ClockSetting(KioskStation waiting, KioskClock clock, ISystemClock board, KeypadScanner keypad, Hd44780 display, SignalPlayer signal)
        {
            if (waiting.ClockEntry == null)
            {
                throw new System.ArgumentException("the station is not waiting for its clock");
            }
            _waiting = waiting;
            _entry = waiting.ClockEntry;
            _clock = clock;
            _board = board;
            _keypad = keypad;
            _display = display;
            _signal = signal;
        }

        /// <summary>The running station once the clock was set (its Problem says if it still cannot run), else null.</summary>
        public KioskStation? Started { get; private set; }

        public void Start()
        {
            _display.Start();
            Show();
        }

        public void Step(long nowMs)
        {
            if (Started != null)
            {
                _signal.Update(nowMs);
                return;
            }
            char key = _keypad.Scan();
            if (key != '\0')
            {
                _entry.Press(key, _board.Now());
                _signal.Play(_entry.Signal, nowMs);
                Show();
                if (_entry.Finished)
                {
                    _clock.Set(_entry.TimeAt(_board.Now()));
                    Started = _waiting.ClockSet(_board.Now());
                }
            }
            _signal.Update(nowMs);
        }

        private void Show()
        {
            for (int row = 0; row < Skold.Station.Kiosk.Rows; row++)
            {
                _lines[row] = _entry.Line(row);
            }
            _display.Show(_lines);
        }
    }
}
