// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.Runtime.Native 1.7.11 (nanoFramework.Runtime.Native.Rtc.SetSystemTime(DateTime)
// returning bool, RTC.cs at Runtime.Native@v1.7.11); CoreLibrary 1.17.11 (DateTime.FromUnixTimeSeconds(long)).
using System;
using nanoFramework.Runtime.Native;
using Skold.Board.Clock;
using Skold.Council;

namespace Skold.Kiosk.Board
{
    /// <summary>The ESP32's clock as the portable KioskClock sees it: read through SystemClock, set with Rtc.SetSystemTime.</summary>
    public sealed class Esp32SystemClock : ISystemClock
    {
        public uint Now()
        {
            return SystemClock.Now();
        }

        public void Set(uint time)
        {
            if (!Rtc.SetSystemTime(DateTime.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time))))
            {
                throw new InvalidOperationException("the ESP32 refused to set its clock");
            }
        }
    }
}
