// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: CoreLibrary 1.17.11 (DateTime.UtcNow, DateTime.ToUnixTimeSeconds),
// nanoFramework.Runtime.Native 1.7.11 (Environment.TickCount64).
using System;
using Skold.Council;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// The kiosk's two clocks: council time (SkoldTime seconds from the ESP32's real-time clock,
    /// lost with the power unless set again, e.g. by SNTP when Wi-Fi is back; the kiosk refuses
    /// to record while it reads earlier than the journal) and a millisecond tick for the loop.
    /// </summary>
    public static class SystemClock
    {
        public static uint Now()
        {
            return SkoldTime.FromUnixSeconds(DateTime.UtcNow.ToUnixTimeSeconds());
        }

        public static long NowMs()
        {
            return Environment.TickCount64;
        }
    }
}
