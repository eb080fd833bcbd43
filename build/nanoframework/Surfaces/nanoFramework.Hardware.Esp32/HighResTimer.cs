// Surface of nanoFramework.Hardware.Esp32 1.6.42: our own declarations, never run.
// Read in nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb),
// nanoFramework.Hardware.Esp32/HighResTimer.cs.
// Declared: the static GetCurrent() (microseconds, UInt64), the only member the images call.
// Upstream the class also implements IDisposable and has a public parameterless constructor
// (here the implicit one); the images use neither.
namespace nanoFramework.Hardware.Esp32
{
    public class HighResTimer
    {
        public static ulong GetCurrent()
        {
            throw null;
        }
    }
}
