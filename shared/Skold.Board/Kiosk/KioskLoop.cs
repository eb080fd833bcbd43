using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Station;
using StationKiosk = Skold.Station.Kiosk;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// One pass of the kiosk's main loop, so the board's Program only wires adapters and calls
    /// Step every few milliseconds: scan the keypad, give a press to the kiosk, show its screen
    /// (changed rows only) and play its signal; every TickIntervalMs let the kiosk log out an
    /// idle operator; when due, send the station report over LoRa.
    /// </summary>
    public sealed class KioskLoop
    {
        public const long TickIntervalMs = 5000;

        private readonly StationKiosk _kiosk;
        private readonly Journal _journal;
        private readonly DistributionBook _book;
        private readonly KeypadScanner _keypad;
        private readonly Hd44780 _display;
        private readonly SignalPlayer _signal;
        private readonly string[] _lines = new string[StationKiosk.Rows];
        private StationReporter? _reporter;
        private IFrameRadio? _radio;
        private long _nextTickMs;

        public KioskLoop(KioskStation station, KeypadScanner keypad, Hd44780 display, SignalPlayer signal)
        {
            _kiosk = station.Kiosk!;
            _journal = station.Journal!;
            _book = station.Book!;
            _keypad = keypad;
            _display = display;
            _signal = signal;
        }

        /// <summary>The battery as last measured by the board, for the station report.</summary>
        public int BatteryMillivolts { get; set; }

        public int KeysPressed { get; private set; }

        public int ReportsSent { get; private set; }

        /// <summary>Station reports go out through radio when reporter says they are due.</summary>
        public void SendReports(StationReporter reporter, IFrameRadio radio)
        {
            _reporter = reporter;
            _radio = radio;
        }

        /// <summary>Starts the display and shows the kiosk's first screen.</summary>
        public void Start(long nowMs)
        {
            _display.Start();
            Show();
            _nextTickMs = nowMs + TickIntervalMs;
        }

        /// <summary>One pass; returns the key pressed in it, or '\0'.</summary>
        public char Step(long nowMs, uint utcSeconds)
        {
            char key = _keypad.Scan();
            if (key != '\0')
            {
                KeysPressed++;
                _kiosk.Press(key, utcSeconds);
                _signal.Play(_kiosk.Signal, nowMs);
                Show();
            }
            if (nowMs >= _nextTickMs)
            {
                _nextTickMs = nowMs + TickIntervalMs;
                _kiosk.Tick(utcSeconds);
                _signal.Play(_kiosk.Signal, nowMs);
                Show();
            }
            if (_reporter != null && _radio != null && _reporter.Due(nowMs))
            {
                byte[]? frame = _reporter.Next(_book, _journal.Records, BatteryMillivolts, utcSeconds, nowMs);
                if (frame != null)
                {
                    _radio.Transmit(frame, nowMs);
                    ReportsSent++;
                }
            }
            _signal.Update(nowMs);
            return key;
        }

        /// <summary>Shows the kiosk's screen again (after something else used the display, or rules changed under it).</summary>
        public void Refresh()
        {
            Show();
        }

        /// <summary>Before power goes: log out, sign the chain head, show the closing screen.</summary>
        public void Shutdown(uint utcSeconds)
        {
            _kiosk.Shutdown(utcSeconds);
            Show();
        }

        private void Show()
        {
            for (int row = 0; row < StationKiosk.Rows; row++)
            {
                _lines[row] = _kiosk.Line(row);
            }
            _display.Show(_lines);
        }
    }
}
