// Surface of nanoFramework.System.Device.Adc 1.1.24: our own declarations, never run.
// Read in nanoframework/System.Device.Adc, tag v1.1.24 (commit ac05de033b9dbdc647b61e88e7a5fe28bc2057bf),
// System.Device.Adc/AdcChannelBase.cs. Declared: the abstract ReadValue that AdcChannel overrides.
// ReadRatio and Controller are not used by our code.
namespace System.Device.Adc
{
    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }
}
