namespace Skold.Board.Clock
{
    /// <summary>
    /// Where the kiosk's time comes from at boot, and keeping the DS3231 (when fitted) in step.
    /// At boot: a DS3231 with OSF clear and a time not before the journal wins (it kept time on
    /// its coin cell through the power cut) and sets the board's clock; else the board's own
    /// clock if it is not before the journal (a restart without a power cut, or SNTP); else
    /// nothing: the operator sets it on the keypad. Every good time from SNTP or the keypad is
    /// written to the DS3231, so the next power cut costs nothing.
    /// </summary>
    public sealed class KioskClock
    {
        public const int FromNothing = 0;
        public const int FromRtc = 1;
        public const int FromBoard = 2;

        private readonly ISystemClock _system;
        private readonly Ds3231? _rtc;

        /// <param name="rtc">Null when the kiosk has no DS3231 (it is optional).</param>
        public KioskClock(ISystemClock system, Ds3231? rtc)
        {
            _system = system;
            _rtc = rtc;
        }

        /// <summary>Why the DS3231 was not used at the last Boot (null when it was, or none is fitted).</summary>
        public string? RtcProblem { get; private set; }

        /// <summary>
        /// Chooses the time at boot; notBefore is the earliest acceptable time (the council's
        /// founding; the journal's last record is checked by KioskStation). Returns FromRtc,
        /// FromBoard or FromNothing (set it on the keypad).
        /// </summary>
        public int Boot(uint notBefore)
        {
            RtcProblem = null;
            if (_rtc != null)
            {
                string? problem;
                uint kept = _rtc.Read(out problem);
                if (kept != 0 && kept >= notBefore)
                {
                    _system.Set(kept);
                    return FromRtc;
                }
                RtcProblem = problem != null ? problem : "the DS3231 reads before the council was founded";
            }
            uint board = _system.Now();
            if (board != 0 && board >= notBefore)
            {
                // The board kept its time (or SNTP gave it): give it to a DS3231 that lost its own.
                Store();
                return FromBoard;
            }
            return FromNothing;
        }

        /// <summary>A trusted time from the keypad: the board's clock and the DS3231 take it.</summary>
        public void Set(uint time)
        {
            _system.Set(time);
            Store();
        }

        /// <summary>After SNTP set the board's clock: the DS3231 takes it. False when none answers.</summary>
        public bool Store()
        {
            uint now = _system.Now();
            return _rtc != null && now != 0 && _rtc.Set(now);
        }
    }
}
