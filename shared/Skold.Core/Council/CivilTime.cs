namespace Skold.Council
{
    /// <summary>
    /// Calendar dates and SkoldTime (seconds since 2024-01-01T00:00Z) both ways, in whole
    /// numbers only, for the years 2024..2159 that SkoldTime covers: the kiosk's keypad takes a
    /// date and time from the operator and the DS3231 keeps one in BCD registers.
    /// Gregorian calendar; no leap seconds (as Unix time).
    /// </summary>
    public static class CivilTime
    {
        public const int FirstYear = 2024;
        public const int LastYear = 2159;

        private static readonly int[] MonthDays = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Days in a month (1..12) of a year; 0 for a month out of range.</summary>
        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12)
            {
                return 0;
            }
            return month == 2 && IsLeapYear(year) ? 29 : MonthDays[month - 1];
        }

        /// <summary>Whether the fields name a real moment that SkoldTime can hold.</summary>
        public static bool IsValid(int year, int month, int day, int hour, int minute, int second)
        {
            return year >= FirstYear && year <= LastYear && day >= 1 && day <= DaysInMonth(year, month)
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
        }

        /// <summary>SkoldTime of a UTC date and time; ArgumentOutOfRangeException when IsValid is false.</summary>
        public static uint ToSkoldTime(int year, int month, int day, int hour, int minute, int second)
        {
            if (!IsValid(year, month, day, hour, minute, second))
            {
                throw new System.ArgumentOutOfRangeException(nameof(year), "not a date and time in " + FirstYear + ".." + LastYear);
            }
            long days = 0;
            for (int y = FirstYear; y < year; y++)
            {
                days += IsLeapYear(y) ? 366 : 365;
            }
            for (int m = 1; m < month; m++)
            {
                days += DaysInMonth(year, m);
            }
            days += day - 1;
            long seconds = days * 86400 + hour * 3600 + minute * 60 + second;
            return seconds >= 0xffffffffL ? 0xfffffffeu : (uint)seconds;
        }

        /// <summary>The UTC date of a SkoldTime: year, month (1..12), day (1..31).</summary>
        public static void Date(uint time, out int year, out int month, out int day)
        {
            long days = time / 86400;
            year = FirstYear;
            while (days >= (IsLeapYear(year) ? 366 : 365))
            {
                days -= IsLeapYear(year) ? 366 : 365;
                year++;
            }
            month = 1;
            while (days >= DaysInMonth(year, month))
            {
                days -= DaysInMonth(year, month);
                month++;
            }
            day = (int)days + 1;
        }

        /// <summary>Monday 1 .. Sunday 7 (ISO 8601); 2024-01-01 was a Monday.</summary>
        public static int DayOfWeek(uint time)
        {
            return (int)(time / 86400 % 7) + 1;
        }
    }
}
