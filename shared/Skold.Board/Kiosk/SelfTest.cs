using System;
using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The kiosk's self-test for a technician (key D held at power-on): the display shows a test
    /// pattern (# if every cell reads right, * if not), every key must be pressed once and is
    /// crossed off on the screen, the buzzer and each LED play in turn (# heard and seen, * not),
    /// a scratch file is written, flushed, read back and compared on the journal's flash, and the
    /// radio's version register must read 0x12. A check nobody answers fails after AnswerMs.
    /// The last screen lists the verdicts; # runs it again.
    /// </summary>
    public sealed class SelfTest
    {
        public const int Display = 0;
        public const int Keys = 1;
        public const int Signals = 2;
        public const int Flash = 3;
        public const int Radio = 4;
        public const int Count = 5;

        public const int Pending = 0;
        public const int Pass = 1;
        public const int Fail = 2;

        public const long AnswerMs = 60000;
        public const long SignalStepMs = 3500;
        public const int ScratchBytes = 4096;
        public const int ExpectedRadioVersion = 0x12;

        /// <summary>The key held at power-on that starts the self-test instead of the kiosk.</summary>
        public const char BootKey = 'D';

        private const int Summary = Count;

        private static readonly string[] Names = { "LCD", "Keys", "Sound", "Flash", "Radio" };
        private static readonly int[] SignalOrder = { KioskSignal.Done, KioskSignal.Refused, KioskSignal.Warning };
        private static readonly string[] SignalNames = { "green + beep", "red + low tone", "amber + 2 beeps" };

        private readonly Hd44780 _display;
        private readonly KeypadScanner _keypad;
        private readonly SignalPlayer _signal;
        private readonly ISelfTestHardware _hardware;
        private readonly int[] _verdicts = new int[Count];
        private readonly string[] _details = new string[Count];
        private readonly string[] _lines = new string[Hd44780.Rows];
        private int _step;
        private long _stepStart;
        private int _keysSeen;
        private int _signalShown;
        private long _askedAt;

        public SelfTest(Hd44780 display, KeypadScanner keypad, SignalPlayer signal, ISelfTestHardware hardware)
        {
            _display = display;
            _keypad = keypad;
            _signal = signal;
            _hardware = hardware;
        }

        public bool Finished
        {
            get { return _step == Summary; }
        }

        public int Verdict(int check)
        {
            return _verdicts[check];
        }

        public string Detail(int check)
        {
            return _details[check];
        }

        public string Line(int row)
        {
            return _lines[row];
        }

        /// <summary>Whether the boot key is held (and only it) over `scans` keypad scans.</summary>
        public static bool Requested(KeypadScanner keypad, int scans)
        {
            int bit = 1 << KeypadLayout.Standard.IndexOf(BootKey);
            for (int i = 0; i < scans; i++)
            {
                keypad.Scan();
                if (keypad.Closed != bit)
                {
                    return false;
                }
            }
            return scans > 0;
        }

        public void Start(long nowMs)
        {
            for (int i = 0; i < Count; i++)
            {
                _verdicts[i] = Pending;
                _details[i] = "";
            }
            _display.Start();
            Enter(Display, nowMs);
        }

        public void Step(long nowMs)
        {
            char key = _keypad.Scan();
            switch (_step)
            {
                case Display:
                    Answer(key, nowMs, "the pattern was wrong");
                    break;
                case Keys:
                    OnKeys(key, nowMs);
                    break;
                case Signals:
                    OnSignals(key, nowMs);
                    break;
                case Summary:
                    if (key == '#')
                    {
                        Start(nowMs);
                    }
                    break;
            }
            _signal.Update(nowMs);
        }

        private void Enter(int step, long nowMs)
        {
            _step = step;
            _stepStart = nowMs;
            switch (step)
            {
                case Display:
                    Show("1 ABCDEFGHIJKLMNOPQR", "2 \u00e5\u00e4\u00f6\u00c5\u00c4\u00d6 0123456789", "3 abcdefghijklmnopqr", "4 #: all right *: no");
                    break;
                case Keys:
                    _keysSeen = 0;
                    ShowKeys();
                    break;
                case Signals:
                    _signalShown = -1;
                    break;
                case Flash:
                    CheckFlash();
                    Enter(Radio, nowMs);
                    break;
                case Radio:
                    CheckRadio();
                    Enter(Summary, nowMs);
                    break;
                default:
                    ShowSummary();
                    break;
            }
        }

        private void Answer(char key, long nowMs, string refused)
        {
            if (key == '#')
            {
                Judge(_step, Pass, "confirmed");
            }
            else if (key == '*')
            {
                Judge(_step, Fail, refused);
            }
            else if (nowMs - _stepStart >= AnswerMs)
            {
                Judge(_step, Fail, "no answer");
            }
            else
            {
                return;
            }
            Enter(_step + 1, nowMs);
        }

        private void OnKeys(char key, long nowMs)
        {
            // Presses as the kiosk gets them (debounced, single keys), so the # still held from
            // the display check does not count and a ghost cannot cross off a key.
            int index = key == '\0' ? -1 : KeypadLayout.Standard.IndexOf(key);
            if (index >= 0 && (_keysSeen & (1 << index)) == 0)
            {
                _keysSeen |= 1 << index;
                ShowKeys();
            }
            if (_keysSeen == 0xffff)
            {
                Judge(Keys, Pass, "all 16 keys");
                Enter(Signals, nowMs);
            }
            else if (nowMs - _stepStart >= AnswerMs)
            {
                Judge(Keys, Fail, "not pressed: " + Missing());
                Enter(Signals, nowMs);
            }
        }

        private void OnSignals(char key, long nowMs)
        {
            int playing = (int)((nowMs - _stepStart) / SignalStepMs);
            if (playing < SignalOrder.Length)
            {
                if (playing != _signalShown)
                {
                    _signalShown = playing;
                    _signal.Play(SignalOrder[playing], nowMs);
                    Show("Buzzer and LEDs", (playing + 1) + "/3 " + SignalNames[playing], "", "");
                }
                return;
            }
            if (_signalShown < SignalOrder.Length)
            {
                _signalShown = SignalOrder.Length;
                _askedAt = nowMs;
                Show("Buzzer and LEDs", "all three right?", "", "#: yes  *: no");
                return;
            }
            if (key == '#')
            {
                Judge(Signals, Pass, "confirmed");
            }
            else if (key == '*')
            {
                Judge(Signals, Fail, "not as described");
            }
            else if (nowMs - _askedAt >= AnswerMs)
            {
                Judge(Signals, Fail, "no answer");
            }
            else
            {
                return;
            }
            Enter(Flash, nowMs);
        }

        private void CheckFlash()
        {
            byte[] written = new byte[ScratchBytes];
            for (int i = 0; i < written.Length; i++)
            {
                written[i] = (byte)(i * 37 + (i >> 8) + 11);
            }
            byte[] read = new byte[ScratchBytes + 1];
            try
            {
                _hardware.WriteScratch(written);
                int count = _hardware.ReadScratch(read);
                _hardware.DeleteScratch();
                if (count != written.Length)
                {
                    Judge(Flash, Fail, "read " + count + " of " + written.Length + " bytes");
                    return;
                }
                for (int i = 0; i < written.Length; i++)
                {
                    if (read[i] != written[i])
                    {
                        Judge(Flash, Fail, "byte " + i + " differs");
                        return;
                    }
                }
                Judge(Flash, Pass, written.Length + " bytes verified");
            }
            catch (Exception e)
            {
                Judge(Flash, Fail, e.Message);
            }
        }

        private void CheckRadio()
        {
            int version;
            try
            {
                version = _hardware.RadioVersion();
            }
            catch (Exception e)
            {
                Judge(Radio, Fail, e.Message);
                return;
            }
            if (version == ExpectedRadioVersion)
            {
                Judge(Radio, Pass, "version 0x12");
            }
            else
            {
                Judge(Radio, Fail, "version 0x" + Hex(version) + (version == 0 || version == 0xff ? ": no answer, check SPI wiring" : ": not an SX127x"));
            }
        }

        private void Judge(int check, int verdict, string detail)
        {
            _verdicts[check] = verdict;
            _details[check] = detail;
        }

        private void ShowKeys()
        {
            char[] keys = KeypadLayout.Standard.ToCharArray();
            int left = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if ((_keysSeen & (1 << i)) != 0)
                {
                    keys[i] = '.';
                }
                else
                {
                    left++;
                }
            }
            Show("Press every key", new string(keys), "left: " + left, "");
        }

        private string Missing()
        {
            string missing = "";
            for (int i = 0; i < KeypadLayout.Standard.Length; i++)
            {
                if ((_keysSeen & (1 << i)) == 0)
                {
                    missing += KeypadLayout.Standard[i];
                }
            }
            return missing;
        }

        private void ShowSummary()
        {
            Show(Pair(Display, Keys), Pair(Signals, Flash), Pair(Radio, -1), "#: test again");
        }

        private string Pair(int left, int right)
        {
            string text = Cell(left);
            return right < 0 ? text : text + new string(' ', 10 - text.Length) + Cell(right);
        }

        private string Cell(int check)
        {
            return Names[check] + (_verdicts[check] == Pass ? " ok" : " BAD");
        }

        private void Show(string a, string b, string c, string d)
        {
            _lines[0] = a;
            _lines[1] = b;
            _lines[2] = c;
            _lines[3] = d;
            _display.Show(_lines);
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789abcdef";
            return "" + digits[(value >> 4) & 15] + digits[value & 15];
        }
    }
}
