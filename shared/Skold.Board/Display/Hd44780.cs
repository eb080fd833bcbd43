using System;

namespace Skold.Board.Display
{
    /// <summary>
    /// A 20x4 HD44780 character display in 4-bit mode, write only. Start runs the datasheet's
    /// "initializing by instruction" for 4-bit operation (HD44780U datasheet, Figure 24), then
    /// loads the Swedish letters into CGRAM. Show rewrites only the rows whose text changed.
    /// Timings are the datasheet's at fosc 270 kHz with margin (Table 6: 37 us per instruction,
    /// 1.52 ms for clear; they stretch at a slower oscillator, so we wait 50 us and 2 ms).
    /// </summary>
    public sealed class Hd44780
    {
        public const int Columns = 20;
        public const int Rows = 4;

        public const int PowerOnMicroseconds = 50000;   // > 40 ms after Vcc reaches 2.7 V
        public const int FirstWakeMicroseconds = 4500;  // > 4.1 ms
        public const int WakeMicroseconds = 150;        // > 100 us
        public const int InstructionMicroseconds = 50;  // > 37 us
        public const int ClearMicroseconds = 2000;      // > 1.52 ms
        public const int EnablePulseMicroseconds = 1;   // PWEH >= 450 ns

        public const int ClearDisplay = 0x01;
        public const int EntryModeIncrement = 0x06;     // I/D = 1, S = 0
        public const int DisplayOff = 0x08;
        public const int DisplayOnCursorOff = 0x0c;     // D = 1, C = 0, B = 0
        public const int FunctionSet4Bit2Line5x8 = 0x28; // DL = 0, N = 1, F = 0
        public const int SetCgramAddress = 0x40;
        public const int SetDdramAddress = 0x80;

        // DDRAM address of each row's first column on a 20x4 module (rows 3 and 4 continue rows 1 and 2).
        private static readonly int[] RowStart = { 0x00, 0x40, 0x14, 0x54 };

        private readonly IHd44780Pins _pins;
        private readonly byte[][] _shown = new byte[Rows][];
        private readonly byte[] _line = new byte[Columns];

        public Hd44780(IHd44780Pins pins)
        {
            _pins = pins;
            for (int row = 0; row < Rows; row++)
            {
                _shown[row] = new byte[Columns];
            }
        }

        /// <summary>Rows written to the controller since Start (unchanged rows are not written).</summary>
        public int RowsWritten { get; private set; }

        public static int RowAddress(int row)
        {
            return RowStart[row];
        }

        /// <summary>Initialises the controller from any state (power-on or a reset of the ESP32 alone) and clears it.</summary>
        public void Start()
        {
            _pins.SetEnable(false);
            _pins.SetRegisterSelect(false);
            _pins.DelayMicroseconds(PowerOnMicroseconds);
            // Three times "8-bit function set" brings the controller to a known 8-bit state
            // whatever nibble phase it was in; then one nibble 0x2 switches to 4-bit.
            Nibble(0x3);
            _pins.DelayMicroseconds(FirstWakeMicroseconds);
            Nibble(0x3);
            _pins.DelayMicroseconds(WakeMicroseconds);
            Nibble(0x3);
            _pins.DelayMicroseconds(WakeMicroseconds);
            Nibble(0x2);
            _pins.DelayMicroseconds(InstructionMicroseconds);
            Command(FunctionSet4Bit2Line5x8);
            Command(DisplayOff);
            Command(ClearDisplay);
            _pins.DelayMicroseconds(ClearMicroseconds);
            Command(EntryModeIncrement);
            for (int slot = 0; slot < Hd44780Charset.CustomCount; slot++)
            {
                DefineCharacter(slot, Hd44780Charset.Glyph(slot));
            }
            Command(DisplayOnCursorOff);
            for (int row = 0; row < Rows; row++)
            {
                for (int column = 0; column < Columns; column++)
                {
                    _shown[row][column] = (byte)' ';
                }
            }
            RowsWritten = 0;
        }

        /// <summary>Shows up to Rows lines (cut or padded to Columns); returns how many rows it had to write.</summary>
        public int Show(string[] lines)
        {
            int written = 0;
            for (int row = 0; row < Rows; row++)
            {
                if (ShowRow(row, lines != null && row < lines.Length ? lines[row] : ""))
                {
                    written++;
                }
            }
            return written;
        }

        /// <summary>Shows one row; false when it already showed that text.</summary>
        public bool ShowRow(int row, string text)
        {
            if (row < 0 || row >= Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(row), "a 20x4 display has rows 0..3");
            }
            bool changed = false;
            for (int column = 0; column < Columns; column++)
            {
                _line[column] = text != null && column < text.Length ? Hd44780Charset.Encode(text[column]) : (byte)' ';
                changed |= _line[column] != _shown[row][column];
            }
            if (!changed)
            {
                return false;
            }
            Command(SetDdramAddress | RowStart[row]);
            for (int column = 0; column < Columns; column++)
            {
                Data(_line[column]);
                _shown[row][column] = _line[column];
            }
            RowsWritten++;
            return true;
        }

        /// <summary>Loads 8 pattern rows (5 bits each) into a CGRAM slot 0..7.</summary>
        public void DefineCharacter(int slot, byte[] pattern)
        {
            if (slot < 0 || slot > 7 || pattern == null || pattern.Length != 8)
            {
                throw new ArgumentException("a custom character is slot 0..7 with 8 pattern rows");
            }
            Command(SetCgramAddress | (slot << 3));
            for (int i = 0; i < 8; i++)
            {
                Data(pattern[i] & 0x1f);
            }
            // The address counter now points into CGRAM: the next Show sets a DDRAM address first.
        }

        private void Command(int instruction)
        {
            _pins.SetRegisterSelect(false);
            Byte(instruction);
        }

        private void Data(int value)
        {
            _pins.SetRegisterSelect(true);
            Byte(value);
        }

        private void Byte(int value)
        {
            Nibble(value >> 4);
            Nibble(value);
            _pins.DelayMicroseconds(InstructionMicroseconds);
        }

        private void Nibble(int nibble)
        {
            _pins.SetData(nibble & 0x0f);
            _pins.SetEnable(true);
            _pins.DelayMicroseconds(EnablePulseMicroseconds);
            _pins.SetEnable(false);
            _pins.DelayMicroseconds(EnablePulseMicroseconds);
        }
    }
}
