// Surface of nanoFramework.System.Device.I2c 1.1.29: our own declarations, never run.
// Read in nanoframework/System.Device.I2c, tag v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee),
// System.Device.I2c/I2cTransferResult.cs (a struct, not readonly). Declared: its two private fields (its
// layout) and Status. BytesTransferred is not used by our code.
namespace System.Device.I2c
{
    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;

        private readonly I2cTransferStatus _status;

        public I2cTransferStatus Status
        {
            get { throw null; }
        }
    }
}
