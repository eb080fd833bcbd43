// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/GpioPin.cs (upstream spells the class name with a zero-width space, U+200B, which C#
// drops from identifiers: the type is GpioPin). Declared: the internal constructor (so that no public one
// exists, as upstream; pins come from GpioController.OpenPin) and Read/Write. Upstream Read is an
// InternalCall extern; here a plain body. Upstream GpioPin also implements IDisposable; not used by our code.
namespace System.Device.Gpio
{
    public sealed class GpioPin
    {
        internal GpioPin(int pinNumber)
        {
        }

        public PinValue Read()
        {
            throw null;
        }

        public void Write(PinValue value)
        {
        }
    }
}
