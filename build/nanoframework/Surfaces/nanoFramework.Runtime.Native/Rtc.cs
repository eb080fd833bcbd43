// Surface of nanoFramework.Runtime.Native 1.7.11: our own declarations, never run.
// Read in nanoframework/nanoFramework.Runtime.Native, tag v1.7.11 (commit e70ef6920ca811b0403d667036fcbdc605d0e66e),
// nanoFramework.Runtime.Native/RTC.cs (static class Rtc).
// Declared: SetSystemTime(DateTime) returning bool, the only member the kiosk calls.
using System;

namespace nanoFramework.Runtime.Native
{
    public static class Rtc
    {
        public static bool SetSystemTime(DateTime time)
        {
            throw null;
        }
    }
}
