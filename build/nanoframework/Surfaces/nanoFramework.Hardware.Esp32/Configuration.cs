// Surface of nanoFramework.Hardware.Esp32 1.6.42: our own declarations, never run.
// Read in nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb),
// nanoFramework.Hardware.Esp32/Configuration.cs.
// Declared: SetPinFunction(int, DeviceFunction), the only member the images call.
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
        }
    }
}
