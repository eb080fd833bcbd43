// Surface of nanoFramework.System.Device.Spi 1.3.89: our own declarations, never run.
// Read in nanoframework/System.Device.Spi, tag v1.3.89 (commit cdab4eca19fd3a9454a2931b549fdbd8224c8f32),
// System.Device.Spi/SpiConnectionSettings.cs. Declared: the public constructor (with its upstream default
// value) and the four read-write properties Esp32Sx127xBus sets.
namespace System.Device.Spi
{
    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine = -1)
        {
        }

        public SpiMode Mode
        {
            get { throw null; }
            set { }
        }

        public int DataBitLength
        {
            get { throw null; }
            set { }
        }

        public int ClockFrequency
        {
            get { throw null; }
            set { }
        }

        public DataFlow DataFlow
        {
            get { throw null; }
            set { }
        }
    }
}
