// Surface of nanoFramework.Hardware.Esp32 1.6.42: our own declarations, never run.
// Read in nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb),
// nanoFramework.Hardware.Esp32/Errors.cs (enum EspNativeError : Int32).
// Declared: the type only, as the return type of the Sleep methods; the images ignore the value,
// so no member is declared.
namespace nanoFramework.Hardware.Esp32
{
    public enum EspNativeError : int
    {
    }
}
