// Surface of nanoFramework.System.Device.Spi 1.3.89: our own declarations, never run.
// Read in nanoframework/System.Device.Spi, tag v1.3.89 (commit cdab4eca19fd3a9454a2931b549fdbd8224c8f32),
// System.Device.Spi/SpiDevice.cs. Declared: the public constructor (so that no parameterless one exists, as
// upstream), Create, the SpanByte overload of TransferFullDuplex and Dispose, which Esp32Sx127xBus uses.
// Upstream SpiDevice also implements IDisposable; left out as our code calls Dispose() on SpiDevice directly.
namespace System.Device.Spi
{
    public class SpiDevice
    {
        public SpiDevice(SpiConnectionSettings settings)
        {
        }

        public static SpiDevice Create(SpiConnectionSettings settings)
        {
            throw null;
        }

        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer)
        {
        }

        public void Dispose()
        {
        }
    }
}
