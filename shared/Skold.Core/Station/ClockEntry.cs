using Skold.Council;

namespace Skold.Station
{
    /// <summary>
    /// The kiosk's boot screen when its clock cannot be trusted (lost with the power, no RTC, no
    /// Wi-Fi): an operator logs in with number and PIN, types the local date (YYMMDD) and time
    /// (HHMM), sees it spelled out and confirms. A time before notBefore (the journal's last
    /// record, or the council's founding) is refused with that time on the screen. Nothing is
    /// written here: once Finished, the board sets its clock and the station records who set it
    /// (JournalRecord.ClockSet, then that operator's login). Same keys and 20x4 layout as Kiosk.
    /// </summary>
    public sealed class ClockEntry
    {
        private const int OperatorStep = 0;
        private const int PinStep = 1;
        private const int DateStep = 2;
        private const int TimeStep = 3;
        private const int ConfirmStep = 4;
        private const int TooEarlyStep = 5;
        private const int SetStep = 6;

        private readonly KioskSettings _settings;
        private readonly uint _notBefore;
        private readonly string[] _lines = new string[Kiosk.Rows];
        private int _step = OperatorStep;
        private string _input = "";
        private string _note = "";
        private readonly OperatorLogin _login;
        private uint _boardNow;
        private int _year;
        private int _month;
        private int _day;
        private uint _entered;
        private uint _setAtBoard;

        /// <param name="notBefore">The earliest acceptable time (SkoldTime): the journal's last record, or the council's founding.</param>
        /// <param name="boardNow">The board's own clock: wrong, but it counts seconds (used for PIN lockouts and the moment of setting).</param>
        public ClockEntry(KioskSettings settings, uint notBefore, uint boardNow)
        {
            _settings = settings;
            _login = new OperatorLogin(settings);
            _notBefore = notBefore;
            _boardNow = boardNow;
            Render();
        }

        public int Language { get; private set; }

        public int Signal { get; private set; }

        /// <summary>Screen lines that were longer than the display and were cut (a test keeps this 0).</summary>
        public int CutLines { get; private set; }

        /// <summary>True once an operator has confirmed a time.</summary>
        public bool Finished
        {
            get { return _step == SetStep; }
        }

        /// <summary>Who set the clock (0 until Finished).</summary>
        public int Operator { get; private set; }

        /// <summary>What the board's clock read when the time was confirmed.</summary>
        public uint ClockBefore { get; private set; }

        public uint NotBefore
        {
            get { return _notBefore; }
        }

        public string Line(int row)
        {
            return _lines[row];
        }

        /// <summary>
        /// The true time (SkoldTime) now, given the board's clock now: the confirmed time plus the
        /// seconds the board counted since. 0 until Finished.
        /// </summary>
        public uint TimeAt(uint boardNow)
        {
            if (!Finished)
            {
                return 0;
            }
            return _entered + (boardNow - _setAtBoard);
        }

        public void Press(char key, uint boardNow)
        {
            _boardNow = boardNow;
            Signal = KioskSignal.Key;
            _note = "";
            switch (_step)
            {
                case OperatorStep:
                    OnOperator(key);
                    break;
                case PinStep:
                    OnPin(key);
                    break;
                case DateStep:
                    OnDate(key);
                    break;
                case TimeStep:
                    OnTime(key);
                    break;
                case ConfirmStep:
                    OnConfirm(key);
                    break;
                case TooEarlyStep:
                    if (key == '*' || key == '#')
                    {
                        StartDate();
                    }
                    break;
            }
            Render();
        }

        private void OnOperator(char key)
        {
            if (key == 'D')
            {
                Language = Language == Kiosk.Swedish ? Kiosk.English : Kiosk.Swedish;
                return;
            }
            if (_login.LockedFor(_boardNow) > 0)
            {
                _input = "";
                _note = T("Låst. Vänta ", "Locked. Wait ") + ((_login.LockedFor(_boardNow) + 59) / 60) + " min";
                Signal = KioskSignal.Refused;
                return;
            }
            if (Digits(key, 3) || key != '#' || _input.Length == 0)
            {
                return;
            }
            int number = KeypadText.ParseNumber(_input);
            _input = "";
            if (!_login.Choose(number))
            {
                _note = T("Okänd operatör", "Unknown operator");
                Signal = KioskSignal.Refused;
                return;
            }
            _step = PinStep;
        }

        private void OnPin(char key)
        {
            if (Digits(key, KioskSettings.MaxPinDigits))
            {
                return;
            }
            if (key == '*')
            {
                _step = OperatorStep;
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            string pin = _input;
            _input = "";
            int verdict = _login.TryPin(pin, _boardNow);
            if (verdict != OperatorLogin.Accepted)
            {
                Signal = KioskSignal.Refused;
                if (verdict == OperatorLogin.LockedOut)
                {
                    _step = OperatorStep;
                    _note = T("Låst. Vänta ", "Locked. Wait ") + ((_settings.LockoutSeconds + 59) / 60) + " min";
                }
                else
                {
                    _note = T("Fel PIN. Försök igen", "Wrong PIN. Try again");
                }
                return;
            }
            StartDate();
        }

        private void StartDate()
        {
            _input = "";
            _step = DateStep;
        }

        private void OnDate(char key)
        {
            if (Digits(key, 6))
            {
                return;
            }
            if (key == '*')
            {
                _step = OperatorStep;
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            int year = 2000 + KeypadText.ParseNumber(_input.Substring(0, _input.Length < 2 ? _input.Length : 2));
            int month = _input.Length >= 4 ? KeypadText.ParseNumber(_input.Substring(2, 2)) : 0;
            int day = _input.Length == 6 ? KeypadText.ParseNumber(_input.Substring(4, 2)) : 0;
            if (_input.Length != 6 || !CivilTime.IsValid(year, month, day, 0, 0, 0))
            {
                _input = "";
                _note = T("Ej ett datum: ÅÅMMDD", "Not a date: YYMMDD");
                Signal = KioskSignal.Refused;
                return;
            }
            _year = year;
            _month = month;
            _day = day;
            _input = "";
            _step = TimeStep;
        }

        private void OnTime(char key)
        {
            if (Digits(key, 4))
            {
                return;
            }
            if (key == '*')
            {
                StartDate();
                return;
            }
            if (key != '#' || _input.Length == 0)
            {
                return;
            }
            int hour = _input.Length == 4 ? KeypadText.ParseNumber(_input.Substring(0, 2)) : -1;
            int minute = _input.Length == 4 ? KeypadText.ParseNumber(_input.Substring(2, 2)) : -1;
            _input = "";
            if (!CivilTime.IsValid(_year, _month, _day, hour, minute, 0))
            {
                _note = T("Ej en tid: TTMM", "Not a time: HHMM");
                Signal = KioskSignal.Refused;
                return;
            }
            long local = CivilTime.ToSkoldTime(_year, _month, _day, hour, minute, 0);
            long utc = local - _settings.UtcOffsetMinutes * 60L;
            // The operator types whole minutes: the minute of the last record is still accepted
            // (the clock then starts at that record's second, so time never goes back).
            if (utc < 0 || utc + 59 < _notBefore)
            {
                _step = TooEarlyStep;
                Signal = KioskSignal.Refused;
                return;
            }
            _entered = utc < _notBefore ? _notBefore : (uint)utc;
            _step = ConfirmStep;
        }

        private void OnConfirm(char key)
        {
            if (key == '*')
            {
                StartDate();
                return;
            }
            if (key != '#')
            {
                return;
            }
            Operator = _login.Pending;
            ClockBefore = _boardNow;
            _setAtBoard = _boardNow;
            _step = SetStep;
            Signal = KioskSignal.Done;
        }

        private void Render()
        {
            string[] screen = Screen();
            for (int row = 0; row < Kiosk.Rows; row++)
            {
                string text = screen[row];
                if (row == Kiosk.Rows - 1 && _note.Length > 0)
                {
                    text = _note;
                }
                if (text.Length > Kiosk.Columns)
                {
                    CutLines++;
                    text = text.Substring(0, Kiosk.Columns);
                }
                _lines[row] = text.Length < Kiosk.Columns ? text + new string(' ', Kiosk.Columns - text.Length) : text;
            }
        }

        private string[] Screen()
        {
            switch (_step)
            {
                case OperatorStep:
                    return new string[] { T("KLOCKAN EJ SATT", "CLOCK NOT SET"), T("Operatör nr, sen #", "Operator no, then #"), "> " + _input, T("D: English", "D: Svenska") };
                case PinStep:
                    return new string[] { T("Operatör ", "Operator ") + _login.Pending, T("PIN-kod, sen #", "PIN, then #"), "> " + new string('*', _input.Length), T("*: tillbaka", "*: back") };
                case DateStep:
                    return new string[] { T("Ställ klockan 1/2", "Set the clock 1/2"), T("Datum ÅÅMMDD, sen #", "Date YYMMDD, then #"), "> " + _input, T("*: tillbaka", "*: back") };
                case TimeStep:
                    return new string[] { T("Ställ klockan 2/2", "Set the clock 2/2"), T("Tid TTMM, sen #", "Time HHMM, then #"), "> " + _input, T("*: tillbaka", "*: back") };
                case ConfirmStep:
                    return new string[] { T("Stämmer det?", "Is this right?"), Local(_entered), T("lokal tid ", "local time ") + Offset(), T("#: ja  *: nej", "#: yes  *: no") };
                case TooEarlyStep:
                    return new string[] { T("För tidigt! Senaste", "Too early! The last"), T("post i journalen:", "journal record is"), Local(_notBefore), T("*: ändra", "*: change") };
                default:
                    return new string[] { T("Klockan ställd:", "Clock set:"), Local(_entered), T("av operatör ", "by operator ") + Operator, "" };
            }
        }

        /// <summary>A SkoldTime as the station's local time, "2026-11-29 21:05".</summary>
        private string Local(uint time)
        {
            long local = time + _settings.UtcOffsetMinutes * 60L;
            uint t = local < 0 ? 0 : local > 0xfffffffeL ? 0xfffffffeu : (uint)local;
            int year;
            int month;
            int day;
            CivilTime.Date(t, out year, out month, out day);
            int minutes = (int)(t / 60 % (24 * 60));
            return year + "-" + Two(month) + "-" + Two(day) + " " + Two(minutes / 60) + ":" + Two(minutes % 60);
        }

        private string Offset()
        {
            int minutes = _settings.UtcOffsetMinutes;
            string sign = minutes < 0 ? "-" : "+";
            if (minutes < 0)
            {
                minutes = -minutes;
            }
            return "UTC" + sign + Two(minutes / 60) + ":" + Two(minutes % 60);
        }

        private bool Digits(char key, int max)
        {
            string? edited = KeypadText.Edited(_input, key, max);
            if (edited == null)
            {
                return false;
            }
            _input = edited;
            return true;
        }

        private static string Two(int n)
        {
            return n < 10 ? "0" + n : "" + n;
        }

        private string T(string swedish, string english)
        {
            return Language == Kiosk.Swedish ? swedish : english;
        }
    }
}
