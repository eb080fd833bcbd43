// Surface of nanoFramework.System.Device.Adc 1.1.24: our own declarations, never run.
// Read in nanoframework/System.Device.Adc, tag v1.1.24 (commit ac05de033b9dbdc647b61e88e7a5fe28bc2057bf),
// System.Device.Adc/AdcController.cs. Declared: the parameterless constructor and OpenChannel, which
// Esp32NodeBoard uses.
namespace System.Device.Adc
{
    public class AdcController : AdcControllerBase
    {
        public AdcController()
        {
        }

        public override AdcChannel OpenChannel(int channelNumber)
        {
            throw null;
        }
    }
}
