// Surface of nanoFramework.System.Device.Gpio 1.1.62: our own declarations, never run.
// Read in nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17),
// System.Device.Gpio/PinValue.cs. Declared: the readonly struct with its one private byte field (its layout),
// High, Low, == and != (with the Equals/GetHashCode overrides upstream declares next to them).
// Upstream's implicit conversions from int/bool and explicit ones to byte/int/bool are not used by our code.
namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        private readonly byte _value;

        public static PinValue High
        {
            get { throw null; }
        }

        public static PinValue Low
        {
            get { throw null; }
        }

        public static bool operator ==(PinValue a, PinValue b)
        {
            throw null;
        }

        public static bool operator !=(PinValue a, PinValue b)
        {
            throw null;
        }

        public override bool Equals(object obj)
        {
            throw null;
        }

        public override int GetHashCode()
        {
            throw null;
        }
    }
}
