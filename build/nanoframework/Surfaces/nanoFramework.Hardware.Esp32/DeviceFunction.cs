// Surface of nanoFramework.Hardware.Esp32 1.6.42: our own declarations, never run.
// Read in nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb),
// nanoFramework.Hardware.Esp32/DeviceTypePins.cs (enum DeviceFunction, with DeviceTypes and ValueTypes).
// Declared: the members the images use. Upstream writes each value as
// DeviceTypes.<type> + (<index> * ValueTypes.DeviceIndex) + <n>, with DeviceIndex = 0x100 and
// DeviceTypes SPI = 1, I2C = 2, SERIAL = 3, PWM = 4 (each times ValueTypes.DeviceType = 0x10000);
// the values below are those sums.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        // SPI (0x10000) + 1 * 0x100 + 0, 1, 2
        SPI1_MOSI = 0x10100,
        SPI1_MISO = 0x10101,
        SPI1_CLOCK = 0x10102,

        // I2C (0x20000) + 1 * 0x100 + 0, 1
        I2C1_DATA = 0x20100,
        I2C1_CLOCK = 0x20101,

        // SERIAL (0x30000) + 2 * 0x100 + 0, 1
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,

        // PWM (0x40000) + 1 * 0x100 + 0
        PWM1 = 0x40100,
    }
}
