// Surface of nanoFramework.System.Device.Adc 1.1.24: our own declarations, never run.
// Read in nanoframework/System.Device.Adc, tag v1.1.24 (commit ac05de033b9dbdc647b61e88e7a5fe28bc2057bf),
// System.Device.Adc/AdcControllerBase.cs. Declared: the abstract OpenChannel that AdcController overrides
// (a call on AdcController binds to this declaration, as with the real assembly). Its other abstract
// members (ChannelCount, ChannelMode, MaxValue, MinValue, ResolutionInBits, IsChannelModeSupported) are not used.
namespace System.Device.Adc
{
    public abstract class AdcControllerBase
    {
        public abstract AdcChannel OpenChannel(int channelNumber);
    }
}
