// Surface of nanoFramework.System.Device.I2c 1.1.29: our own declarations, never run.
// Read in nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee),
// System.Device.I2c/I2cDevice.cs. Declared: the public constructor, Write(SpanByte), WriteRead(SpanByte, SpanByte)
// and Dispose, which Esp32I2cDevice uses. Upstream I2cDevice also implements IDisposable; left out as our
// code calls Dispose() on I2cDevice directly.
namespace System.Device.I2c
{
    public class I2cDevice
    {
        public I2cDevice(I2cConnectionSettings settings)
        {
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            throw null;
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            throw null;
        }

        public void Dispose()
        {
        }
    }
}
