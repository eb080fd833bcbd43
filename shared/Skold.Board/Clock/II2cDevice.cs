namespace Skold.Board.Clock
{
    /// <summary>
    /// One device on an I2C bus, as our drivers need it: the board binds it to nanoFramework's
    /// System.Device.I2c.I2cDevice, the tests to a register model. False means the transfer was
    /// not complete (no acknowledge: the device is absent, or the bus is stuck).
    /// </summary>
    public interface II2cDevice
    {
        bool Write(byte[] data);

        /// <summary>Writes, then a repeated START and reads read.Length bytes.</summary>
        bool WriteRead(byte[] write, byte[] read);
    }
}
