using Skold.Council;

namespace Skold.Board.Clock
{
    /// <summary>
    /// Maxim DS3231 real-time clock on I2C (7-bit address 0x68), kept in UTC. Facts from the
    /// Maxim DS3231 datasheet (19-5170, "Extremely Accurate I2C-Integrated RTC/TCXO/Crystal"):
    /// Figure 1 timekeeping registers 00h-06h in BCD (seconds, minutes, hours with bit 6 = 12-hour
    /// mode and bit 5 = PM or 20 hours, day of week 1-7 user-defined, date, month with bit 7 =
    /// century, year 00-99); reads come from user buffers synchronised at START, so one burst read
    /// of 00h-06h is consistent; writing the seconds resets the countdown chain and the rest must
    /// follow within a second (one burst write); control 0Eh bit 7 EOSC (1 stops the oscillator
    /// on battery); status 0Fh bit 7 OSF: set when the oscillator stopped (first power-up, both
    /// supplies too low, EOSC on battery, crystal trouble) and kept until written 0.
    /// </summary>
    public sealed class Ds3231
    {
        public const int Address = 0x68;
        public const int SecondsRegister = 0x00;
        public const int ControlRegister = 0x0E;
        public const int StatusRegister = 0x0F;
        public const int OscillatorStopFlag = 0x80;
        public const int EnableOscillatorBar = 0x80;

        private readonly II2cDevice _device;
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _time = new byte[7];

        public Ds3231(II2cDevice device)
        {
            _device = device;
        }

        /// <summary>
        /// The time it keeps (SkoldTime), or 0 when it cannot be trusted: absent (no acknowledge),
        /// OSF set (it stopped: the time is not valid), or registers that are not a date 2024..2159.
        /// </summary>
        public uint Read()
        {
            string? problem;
            return Read(out problem);
        }

        /// <summary>As Read, with why it returned 0 (null when it did not).</summary>
        public uint Read(out string? problem)
        {
            int status = ReadRegister(StatusRegister);
            if (status < 0)
            {
                problem = "no DS3231 answers at 0x68";
                return 0;
            }
            if ((status & OscillatorStopFlag) != 0)
            {
                problem = "the DS3231 oscillator stopped (OSF set: battery flat or first power-up): its time is not valid";
                return 0;
            }
            _one[0] = SecondsRegister;
            if (!_device.WriteRead(_one, _time))
            {
                problem = "the DS3231 stopped answering";
                return 0;
            }
            int second = Bcd(_time[0] & 0x7f);
            int minute = Bcd(_time[1] & 0x7f);
            int hour = Hour(_time[2]);
            int day = Bcd(_time[4] & 0x3f);
            int month = Bcd(_time[5] & 0x1f);
            int year = 2000 + Bcd(_time[6]) + ((_time[5] & 0x80) != 0 ? 100 : 0);
            if (second < 0 || minute < 0 || hour < 0 || day < 0 || month < 0 || year < 2000
                || !CivilTime.IsValid(year, month, day, hour, minute, second))
            {
                problem = "the DS3231 holds no valid date from 2024 on";
                return 0;
            }
            problem = null;
            return CivilTime.ToSkoldTime(year, month, day, hour, minute, second);
        }

        /// <summary>
        /// Sets it to time (SkoldTime, years 2024..2199 fit its century bit) in 24-hour mode, keeps
        /// the oscillator running on battery (EOSC 0) and clears OSF, so a later Read trusts it.
        /// False when it does not answer.
        /// </summary>
        public bool Set(uint time)
        {
            int year;
            int month;
            int day;
            CivilTime.Date(time, out year, out month, out day);
            int secondOfDay = (int)(time % 86400);
            byte[] write = new byte[8];
            write[0] = SecondsRegister;
            write[1] = ToBcd(secondOfDay % 60);
            write[2] = ToBcd(secondOfDay / 60 % 60);
            write[3] = ToBcd(secondOfDay / 3600);
            write[4] = (byte)CivilTime.DayOfWeek(time);
            write[5] = ToBcd(day);
            write[6] = (byte)(ToBcd(month) | (year >= 2100 ? 0x80 : 0));
            write[7] = ToBcd(year % 100);
            if (!_device.Write(write))
            {
                return false;
            }
            int control = ReadRegister(ControlRegister);
            if (control < 0)
            {
                return false;
            }
            if ((control & EnableOscillatorBar) != 0 && !WriteRegister(ControlRegister, control & ~EnableOscillatorBar))
            {
                return false;
            }
            int status = ReadRegister(StatusRegister);
            return status >= 0 && WriteRegister(StatusRegister, status & ~OscillatorStopFlag);
        }

        private int ReadRegister(int register)
        {
            _one[0] = (byte)register;
            byte[] value = new byte[1];
            return _device.WriteRead(_one, value) ? value[0] : -1;
        }

        private bool WriteRegister(int register, int value)
        {
            return _device.Write(new byte[] { (byte)register, (byte)value });
        }

        private static int Hour(int register)
        {
            if ((register & 0x40) == 0)
            {
                return Bcd(register & 0x3f);
            }
            // 12-hour mode (set by someone else): bit 5 is PM, hours 1..12.
            int hour = Bcd(register & 0x1f);
            if (hour < 1 || hour > 12)
            {
                return -1;
            }
            return (hour % 12) + ((register & 0x20) != 0 ? 12 : 0);
        }

        // -1 for a nibble above 9: not BCD.
        private static int Bcd(int value)
        {
            int tens = value >> 4;
            int units = value & 0x0f;
            return tens > 9 || units > 9 ? -1 : tens * 10 + units;
        }

        private static byte ToBcd(int value)
        {
            return (byte)(((value / 10) << 4) | (value % 10));
        }
    }
}
