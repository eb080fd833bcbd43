// Surface of nanoFramework.System.Device.Adc 1.1.24: our own declarations, never run.
// Read in nanoframework/System.Device.Adc, tag v1.1.24 (commit ac05de033b9dbdc647b61e88e7a5fe28bc2057bf),
// System.Device.Adc/AdcChannel.cs. Declared: the internal constructor (so that no public one exists, as
// upstream; channels come from AdcController.OpenChannel) and ReadValue. Upstream AdcChannel also
// implements IDisposable; not used by our code.
namespace System.Device.Adc
{
    public class AdcChannel : AdcChannelBase
    {
        internal AdcChannel(AdcController controller, int channelNumber)
        {
        }

        public override int ReadValue()
        {
            throw null;
        }
    }
}
