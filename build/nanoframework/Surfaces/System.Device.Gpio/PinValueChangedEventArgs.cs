// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/PinValueChangedEventArgs.cs (base class nanoFramework.Runtime.Events.BaseEvent, from
// the nanoFramework.Runtime.Events package). Declared: the class with its one public constructor (so that
// no parameterless one exists, as upstream). ChangeType and PinNumber are not used by our code.
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
        }
    }
}
