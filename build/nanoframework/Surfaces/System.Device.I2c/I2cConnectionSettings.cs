// Surface of nanoFramework.System.Device.I2c 1.1.29: our own declarations, never run.
// Read in nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee),
// System.Device.I2c/I2cConnectionSettings.cs. Declared: the three-argument constructor Esp32I2cDevice uses.
namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
        }
    }
}
