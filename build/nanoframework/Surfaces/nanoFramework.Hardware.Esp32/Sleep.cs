// Surface of nanoFramework.Hardware.Esp32 1.6.42: our own declarations, never run.
// Read in nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb),
// nanoFramework.Hardware.Esp32/Sleep.cs.
// Declared: the nested enums WakeupGpioPin ([Flags], UInt64; the images build its value from a bit
// mask, so no member is declared) and WakeUpPort (COM2 = 1), and the four static methods the node
// image calls for light sleep, each returning EspNativeError.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Sleep
    {
        [Flags]
        public enum WakeupGpioPin : ulong
        {
        }

        public enum WakeUpPort
        {
            COM2 = 1,
        }

        public static EspNativeError EnableWakeupByTimer(TimeSpan time)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByPin(WakeupGpioPin pin, int level)
        {
            throw null;
        }

        public static EspNativeError EnableWakeupByUart(WakeUpPort portNumber, int edgeCount)
        {
            throw null;
        }

        public static EspNativeError StartLightSleep()
        {
            throw null;
        }
    }
}
