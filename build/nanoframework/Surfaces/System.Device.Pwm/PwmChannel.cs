// Surface of nanoFramework.System.Device.Pwm 1.1.23: our own declarations, never run.
// Read in nanoframework/System.Device.Pwm, tag v1.1.23 (commit 8f14504caeb537dd541fe0f2c8eeb77979cd3654),
// System.Device.Pwm/PwmChannel.cs. Declared: the public constructor (with its upstream default values, so
// that no parameterless one exists, as upstream), CreateFromPin (returns null when the pin has no PWM
// channel), Frequency, DutyCycle, Start, Stop and Dispose, which Esp32KioskPanel uses. Upstream PwmChannel
// also implements IDisposable; left out as our code calls Dispose() on PwmChannel directly.
namespace System.Device.Pwm
{
    public sealed class PwmChannel
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5)
        {
        }

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5)
        {
            throw null;
        }

        public int Frequency
        {
            get { throw null; }
            set { }
        }

        public double DutyCycle
        {
            get { throw null; }
            set { }
        }

        public void Start()
        {
        }

        public void Stop()
        {
        }

        public void Dispose()
        {
        }
    }
}
