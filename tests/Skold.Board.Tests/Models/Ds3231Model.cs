using Skold.Board.Clock;

namespace Skold.Board.Tests.Models;

/// <summary>
/// A DS3231 as its datasheet describes it to the bus: 19 registers behind an auto-incrementing
/// pointer (wrapping after 12h), BCD time that ticks with Advance (carrying into the century
/// bit), OSF set at first power-up and when the oscillator stops, cleared only by writing 0;
/// EOSC set stops the clock on battery. Absent: no acknowledge.
/// </summary>
public sealed class Ds3231Model : II2cDevice
{
    public readonly byte[] Registers = new byte[0x13];
    private int _pointer;

    public Ds3231Model()
    {
        // Power-on: control 1Ch, status with OSF and EN32kHz (datasheet register defaults); time 00-01-01 00:00:00.
        Registers[0x03] = 1;
        Registers[0x04] = 1;
        Registers[0x05] = 1;
        Registers[0x0E] = 0x1C;
        Registers[0x0F] = 0x88;
    }

    public bool Present { get; set; } = true;

    public bool OnBattery { get; set; }

    public int Writes { get; private set; }

    public bool Write(byte[] data)
    {
        if (!Present || data.Length == 0)
        {
            return false;
        }
        Writes++;
        _pointer = data[0];
        for (int i = 1; i < data.Length; i++)
        {
            if (_pointer == 0x0F)
            {
                // OSF can only be cleared; BSY (bit 2) and the alarm flags' writes are as stored here.
                Registers[0x0F] = (byte)((Registers[0x0F] & data[i] & 0x80) | (data[i] & 0x7F));
            }
            else
            {
                Registers[_pointer] = data[i];
            }
            _pointer = (_pointer + 1) % Registers.Length;
        }
        return true;
    }

    public bool WriteRead(byte[] write, byte[] read)
    {
        if (!Present || write.Length != 1)
        {
            return false;
        }
        _pointer = write[0];
        for (int i = 0; i < read.Length; i++)
        {
            read[i] = Registers[_pointer];
            _pointer = (_pointer + 1) % Registers.Length;
        }
        return true;
    }

    /// <summary>The supply and the coin cell both gone: the oscillator stops and OSF is set.</summary>
    public void OscillatorStops() => Registers[0x0F] |= 0x80;

    /// <summary>Lets seconds pass (24-hour mode only, as the driver writes it).</summary>
    public void Advance(int seconds)
    {
        if ((Registers[0x0F] & 0x80) != 0 || (OnBattery && (Registers[0x0E] & 0x80) != 0))
        {
            return;
        }
        for (int s = 0; s < seconds; s++)
        {
            Tick();
        }
    }

    private void Tick()
    {
        if (Step(0x00, 60, 0) || Step(0x01, 60, 0) || Step(0x02, 24, 0))
        {
            return;
        }
        int dow = Registers[0x03] % 7 + 1;
        Registers[0x03] = (byte)dow;
        int year = 2000 + FromBcd(Registers[0x06]) + ((Registers[0x05] & 0x80) != 0 ? 100 : 0);
        int month = FromBcd(Registers[0x05] & 0x1F);
        if (Step(0x04, DateTime.DaysInMonth(year, month) + 1, 1) || Step(0x05, 13, 1, 0x1F))
        {
            return;
        }
        if (!Step(0x06, 100, 0))
        {
            Registers[0x05] ^= 0x80;
        }
    }

    // Increments a BCD register; true when it did not wrap.
    private bool Step(int register, int limit, int first, int mask = 0xFF)
    {
        int keep = Registers[register] & ~mask;
        int value = FromBcd(Registers[register] & mask) + 1;
        bool wrapped = value >= limit;
        Registers[register] = (byte)(keep | ToBcd(wrapped ? first : value));
        return !wrapped;
    }

    public static int FromBcd(int b) => (b >> 4) * 10 + (b & 0x0F);

    public static byte ToBcd(int v) => (byte)(((v / 10) << 4) | (v % 10));
}
