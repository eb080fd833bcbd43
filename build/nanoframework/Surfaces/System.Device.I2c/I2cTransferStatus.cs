// Surface of nanoFramework.System.Device.I2c 1.1.29: our own declarations, never run.
// Read in nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee),
// System.Device.I2c/I2cTransferStatus.cs (UnknownError, FullTransfer, ClockStretchTimeout, PartialTransfer,
// SlaveAddressNotAcknowledged: 0..4). Declared: FullTransfer.
namespace System.Device.I2c
{
    public enum I2cTransferStatus
    {
        FullTransfer = 1,
    }
}
