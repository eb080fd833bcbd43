// Surface of nanoFramework.System.Device.I2c 1.1.29: our own declarations, never run.
// Read in nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee),
// System.Device.I2c/I2cBusSpeed.cs (StandardMode, FastMode, FastModePlus: 0, 1, 2). Declared: StandardMode.
namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode = 0,
    }
}
