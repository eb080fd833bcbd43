// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/PinEventTypes.cs ([Flags]; None = 0, Rising = 1, Falling = 2). Declared: Rising.
namespace System.Device.Gpio
{
    [Flags]
    public enum PinEventTypes
    {
        Rising = 1,
    }
}
