using Skold.Board.Display;

namespace Skold.Board.Tests.Models;

/// <summary>
/// A host model of an HD44780 with ROM A00 on a 4-bit bus, written from the datasheet
/// (HD44780U, ADE-207-272(Z)): it latches D4..D7 on each falling edge of E, starts in 8-bit
/// mode after power-on, follows function set into 4-bit mode, executes the instructions of
/// Table 6 into DDRAM/CGRAM with the address counter, and counts every nibble sent while the
/// controller is still busy (the datasheet's execution times; the power-on wait of 40 ms).
/// The screen is decoded through the A00 table and, for CGRAM characters, by matching their
/// dot pattern against letters drawn below.
/// </summary>
public sealed class Hd44780Model : IHd44780Pins
{
    private const int PowerOnMicroseconds = 40000;

    // Our own drawings of the letters the kiosk needs in CGRAM, read back from the dots.
    private static readonly Dictionary<char, string[]> Drawn = new()
    {
        ['å'] = ["..#..", ".#.#.", "..#..", ".###.", "....#", ".####", "#...#", ".####"],
        ['Å'] = ["..#..", ".#.#.", "..#..", ".###.", "#...#", "#####", "#...#", "#...#"],
        ['Ä'] = [".#.#.", ".....", ".###.", "#...#", "#...#", "#####", "#...#", "#...#"],
        ['Ö'] = [".#.#.", ".....", ".###.", "#...#", "#...#", "#...#", "#...#", ".###."],
    };

    private static readonly int[] RowStart = [0x00, 0x40, 0x14, 0x54];

    private readonly byte[] _ddram = new byte[0x80];
    private readonly byte[] _cgram = new byte[64];
    private long _now;
    private long _busyUntil = PowerOnMicroseconds;
    private bool _rs;
    private bool _e;
    private int _data;
    private bool _fourBit;
    private int _highNibble = -1;
    private int _wakeups;
    private int _address;
    private bool _toCgram;
    private bool _increment = true;

    public Hd44780Model()
    {
        // The datasheet leaves DDRAM unknown at power-on: garbage here, so a missing clear shows.
        Array.Fill(_ddram, (byte)0xa5);
    }

    public List<string> Violations { get; } = [];

    public bool TwoLines { get; private set; }

    public bool DisplayOn { get; private set; }

    public bool CursorOn { get; private set; }

    public bool FourBitMode => _fourBit;

    public int Instructions { get; private set; }

    public int DataWrites { get; private set; }

    public long ElapsedMicroseconds => _now;

    /// <summary>Nibbles latched while E fell, RS and data as they were.</summary>
    public int Nibbles { get; private set; }

    public void SetRegisterSelect(bool data) => _rs = data;

    public void SetData(int nibble)
    {
        Assert.IsTrue(nibble is >= 0 and <= 15, $"D4..D7 take a nibble, got {nibble}");
        _data = nibble;
    }

    public void DelayMicroseconds(int microseconds)
    {
        Assert.IsTrue(microseconds >= 0);
        _now += microseconds;
    }

    public void SetEnable(bool high)
    {
        if (_e && !high)
        {
            Latch();
        }
        _e = high;
    }

    /// <summary>What row 0..3 of a 20x4 module shows, as text.</summary>
    public string Row(int row)
    {
        var text = new char[20];
        for (int column = 0; column < 20; column++)
        {
            text[column] = Decode(_ddram[RowStart[row] + column]);
        }
        return new string(text);
    }

    public string[] Screen => [Row(0), Row(1), Row(2), Row(3)];

    private void Latch()
    {
        Nibbles++;
        if (_now < _busyUntil)
        {
            Violations.Add($"nibble 0x{_data:x} at {_now} us while busy until {_busyUntil} us");
        }
        if (!_fourBit)
        {
            // 8-bit interface: DB7..DB4 are our D4..D7, DB3..DB0 are tied low.
            Execute(_data << 4, _rs);
            return;
        }
        if (_highNibble < 0)
        {
            _highNibble = _data;
            return;
        }
        int value = (_highNibble << 4) | _data;
        _highNibble = -1;
        Execute(value, _rs);
    }

    private void Execute(int value, bool data)
    {
        int busy = 37;
        if (data)
        {
            DataWrites++;
            if (_toCgram)
            {
                _cgram[_address & 0x3f] = (byte)(value & 0x1f);
                _address = (_address + (_increment ? 1 : -1)) & 0x3f;
            }
            else
            {
                _ddram[_address] = (byte)value;
                _address = NextDdram(_address);
            }
            _busyUntil = _now + busy + 4;
            return;
        }
        Instructions++;
        if (value == 0x01)
        {
            Array.Fill(_ddram, (byte)0x20);
            _address = 0;
            _toCgram = false;
            _increment = true;
            busy = 1520;
        }
        else if ((value & 0xfe) == 0x02)
        {
            _address = 0;
            _toCgram = false;
            busy = 1520;
        }
        else if ((value & 0xfc) == 0x04)
        {
            _increment = (value & 0x02) != 0;
            if ((value & 0x01) != 0)
            {
                Violations.Add("display shift on entry is not what a kiosk wants");
            }
        }
        else if ((value & 0xf8) == 0x08)
        {
            DisplayOn = (value & 0x04) != 0;
            CursorOn = (value & 0x03) != 0;
        }
        else if ((value & 0xf0) == 0x10)
        {
            Violations.Add($"unexpected cursor/display shift 0x{value:x2}");
        }
        else if ((value & 0xe0) == 0x20)
        {
            bool eightBit = (value & 0x10) != 0;
            if (eightBit)
            {
                // The wake-up sequence: the first waits 4.1 ms, the second 100 us.
                _wakeups++;
                busy = _wakeups == 1 ? 4100 : _wakeups == 2 ? 100 : 37;
                _fourBit = false;
            }
            else
            {
                if (!_fourBit && _wakeups < 3)
                {
                    Violations.Add("switched to 4-bit before three 8-bit function sets");
                }
                _fourBit = true;
            }
            TwoLines = (value & 0x08) != 0;
        }
        else if ((value & 0xc0) == 0x40)
        {
            _address = value & 0x3f;
            _toCgram = true;
        }
        else
        {
            _address = value & 0x7f;
            _toCgram = false;
            if (TwoLines && (_address is > 0x27 and < 0x40 || _address > 0x67))
            {
                Violations.Add($"DDRAM address 0x{_address:x2} does not exist in 2-line mode");
            }
        }
        _busyUntil = _now + busy;
    }

    private int NextDdram(int address)
    {
        int next = _increment ? address + 1 : address - 1;
        if (TwoLines)
        {
            if (next == 0x28)
            {
                return 0x40;
            }
            if (next == 0x68)
            {
                return 0x00;
            }
        }
        return next & 0x7f;
    }

    private char Decode(byte code)
    {
        if (code < 0x10)
        {
            string[] dots = Glyph(code & 0x07);
            foreach (KeyValuePair<char, string[]> letter in Drawn)
            {
                if (letter.Value.SequenceEqual(dots))
                {
                    return letter.Key;
                }
            }
            return '\u25a1';
        }
        return code switch
        {
            0x5c => '¥',
            0x7e => '→',
            0x7f => '←',
            0xdf => '°',
            0xe1 => 'ä',
            0xef => 'ö',
            0xf5 => 'ü',
            >= 0x20 and < 0x7e => (char)code,
            _ => '\u25a1',
        };
    }

    private string[] Glyph(int slot)
    {
        var rows = new string[8];
        for (int i = 0; i < 8; i++)
        {
            int bits = _cgram[slot * 8 + i];
            var row = new char[5];
            for (int b = 0; b < 5; b++)
            {
                row[b] = (bits & (0x10 >> b)) != 0 ? '#' : '.';
            }
            rows[i] = new string(row);
        }
        return rows;
    }
}
