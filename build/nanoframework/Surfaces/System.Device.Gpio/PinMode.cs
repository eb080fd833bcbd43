// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/PinMode.cs. Declared: the members our code uses, with the values upstream's
// declaration order gives them (Input, InputPullDown, InputPullUp, Output, ...: 0, 1, 2, 3, ...).
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        InputPullUp = 2,
        Output = 3,
    }
}
