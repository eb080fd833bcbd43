using System;

namespace Skold.Board.Keypad
{
    /// <summary>
    /// Scans a 4x4 matrix and turns it into key presses: a state counts once the same set of
    /// closed keys was read StableScans times in a row (contacts bounce for a few ms), and a
    /// press is reported once, when the stable state goes from no key to exactly one key.
    /// Holding a key repeats nothing; two or more keys down together report nothing (that also
    /// covers ghost keys, which a matrix without diodes shows only when three are down), and
    /// the keypad must be let go entirely before the next press counts.
    /// </summary>
    public sealed class KeypadScanner
    {
        public const int DefaultStableScans = 3;

        private readonly IKeypadPins _pins;
        private readonly string _layout;
        private readonly int _stableScans;
        private int _candidate;
        private int _seen;
        private int _stable;

        public KeypadScanner(IKeypadPins pins, string layout, int stableScans)
        {
            if (layout == null || layout.Length != KeypadLayout.Rows * KeypadLayout.Columns)
            {
                throw new ArgumentException("a 4x4 keypad layout names 16 keys");
            }
            if (stableScans < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(stableScans), "a state is stable after at least one scan");
            }
            _pins = pins;
            _layout = layout;
            _stableScans = stableScans;
        }

        /// <summary>Keys closed in the last scan, bit row*4+column (for the self-test screen).</summary>
        public int Closed { get; private set; }

        /// <summary>Reads the matrix once; returns the key just pressed, or '\0'.</summary>
        public char Scan()
        {
            int closed = 0;
            for (int row = 0; row < KeypadLayout.Rows; row++)
            {
                _pins.SelectRow(row);
                closed |= (_pins.ReadColumns() & 0x0f) << (row * KeypadLayout.Columns);
            }
            _pins.SelectRow(-1);
            Closed = closed;
            if (closed != _candidate)
            {
                _candidate = closed;
                _seen = 1;
            }
            else if (_seen < _stableScans)
            {
                _seen++;
            }
            if (_seen < _stableScans || _candidate == _stable)
            {
                return '\0';
            }
            int before = _stable;
            _stable = _candidate;
            if (before != 0 || !SingleKey(_stable))
            {
                return '\0';
            }
            return _layout[IndexOf(_stable)];
        }

        /// <summary>The key whose bit is set in a single-key state.</summary>
        public static int IndexOf(int single)
        {
            int index = 0;
            while ((single & 1) == 0)
            {
                single >>= 1;
                index++;
            }
            return index;
        }

        private static bool SingleKey(int state)
        {
            return state != 0 && (state & (state - 1)) == 0;
        }
    }
}
