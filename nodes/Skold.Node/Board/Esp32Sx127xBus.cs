// Board code: built by the nanoFramework toolchain only (issue 8 adds the node app's .nfproj).
// APIs: nanoFramework.System.Device.Spi 1.3.89, nanoFramework.System.Device.Gpio 1.1.62,
// nanoFramework.Hardware.Esp32 1.6.42 (signatures read from their sources, see nodes/README.md).
using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using Skold.Radio.Sx127x;

namespace Skold.Node.Board
{
    /// <summary>
    /// The SX127x on an ESP32: SPI1 routed to the board's pins, NSS driven by the SPI driver,
    /// NRESET as an output and DIO0 as a rising-edge interrupt that only sets a flag (the radio
    /// loop thread reads it and calls Sx127x.Service).
    /// </summary>
    public sealed class Esp32Sx127xBus : ISpiRegisterBus, IRadioPins, IDisposable
    {
        private readonly SpiDevice _spi;
        private readonly GpioController _gpio;
        private readonly int _resetPin;
        private readonly AutoResetEvent _dio0 = new AutoResetEvent(false);

        public Esp32Sx127xBus(int sck, int miso, int mosi, int nss, int resetPin, int dio0Pin)
        {
            // Pins are routed before the bus is first used (nanoFramework.Hardware.Esp32).
            Configuration.SetPinFunction(mosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(miso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(sck, DeviceFunction.SPI1_CLOCK);
            SpiConnectionSettings settings = new SpiConnectionSettings(1, nss);
            settings.ClockFrequency = 1000000;
            settings.Mode = SpiMode.Mode0;
            settings.DataBitLength = 8;
            settings.DataFlow = DataFlow.MsbFirst;
            _spi = SpiDevice.Create(settings);
            _gpio = new GpioController();
            _resetPin = resetPin;
            _gpio.OpenPin(resetPin, PinMode.Output);
            _gpio.Write(resetPin, PinValue.High);
            _gpio.OpenPin(dio0Pin, PinMode.Input);
            _gpio.RegisterCallbackForPinValueChangedEvent(dio0Pin, PinEventTypes.Rising, OnDio0);
        }

        /// <summary>Set when DIO0 rises: the node loop waits on it together with the serial port's.</summary>
        public WaitHandle Dio0
        {
            get { return _dio0; }
        }

        /// <summary>Waits up to timeout for DIO0 to rise; true when it did.</summary>
        public bool WaitForDio0(int milliseconds)
        {
            return _dio0.WaitOne(milliseconds, false);
        }

        public void Transfer(byte[] write, byte[] read, int count)
        {
            _spi.TransferFullDuplex(new SpanByte(write, 0, count), new SpanByte(read, 0, count));
        }

        public void HoldReset(bool held)
        {
            _gpio.Write(_resetPin, held ? PinValue.Low : PinValue.High);
        }

        public void WaitMilliseconds(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        public void Dispose()
        {
            _spi.Dispose();
            _gpio.Dispose();
        }

        private void OnDio0(object sender, PinValueChangedEventArgs e)
        {
            _dio0.Set();
        }
    }
}
