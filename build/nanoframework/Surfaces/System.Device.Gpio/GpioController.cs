// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/GpioController.cs. Declared: the parameterless constructor and the members the
// node and kiosk board adapters use. Upstream GpioController also implements IDisposable; left out as
// our code calls Dispose() on GpioController directly.
namespace System.Device.Gpio
{
    public sealed class GpioController
    {
        public GpioController()
        {
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw null;
        }

        public PinValue Read(int pinNumber)
        {
            throw null;
        }

        public void Write(int pinNumber, PinValue value)
        {
        }

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
        }

        public void Dispose()
        {
        }
    }
}
