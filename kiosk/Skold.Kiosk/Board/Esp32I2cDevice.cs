// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.Device.I2c 1.1.29 (System.Device.I2c: I2cDevice(I2cConnectionSettings),
// Write(SpanByte), WriteRead(SpanByte, SpanByte) returning I2cTransferResult with Status
// I2cTransferStatus.FullTransfer, I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed),
// I2cBusSpeed.StandardMode, Dispose), read at System.Device.I2c@v1.1.29 (CoreLibrary 1.17.11);
// nanoFramework.Hardware.Esp32 1.6.42 (Configuration.SetPinFunction, DeviceFunction.I2C1_DATA/I2C1_CLOCK);
// CoreLibrary 1.17.11 (SpanByte and its implicit conversion from byte[]).
using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using Skold.Board.Clock;
using Skold.Board.Kiosk;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// One device on the ESP32's I2C1, routed to the kiosk's SDA/SCL pins (GPIO 15 and 0 on the
    /// DevKitC kiosk: hardware/kiosk-wiring.md), at 100 kHz. A transfer that is not complete
    /// (no acknowledge: nothing fitted) is false, never an exception the kiosk must handle.
    /// </summary>
    public sealed class Esp32I2cDevice : II2cDevice, IDisposable
    {
        private readonly I2cDevice _device;

        public Esp32I2cDevice(KioskPinMap pins, int address)
        {
            Configuration.SetPinFunction(pins.I2cSda, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(pins.I2cScl, DeviceFunction.I2C1_CLOCK);
            _device = new I2cDevice(new I2cConnectionSettings(1, address, I2cBusSpeed.StandardMode));
        }

        public bool Write(byte[] data)
        {
            try
            {
                return _device.Write(data).Status == I2cTransferStatus.FullTransfer;
            }
            catch (Exception)
            {
                // A bus error surfaces as an exception on some targets: the RTC is then unusable, not fatal.
                return false;
            }
        }

        public bool WriteRead(byte[] write, byte[] read)
        {
            try
            {
                return _device.WriteRead(write, read).Status == I2cTransferStatus.FullTransfer;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
