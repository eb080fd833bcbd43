// Board code: built by the nanoFramework toolchain only (nodes/README.md).
// APIs: nanoFramework.System.Device.Gpio 1.1.62 (GpioController, GpioPin, PinMode, PinValue),
// nanoFramework.System.Device.Adc 1.1.24 (AdcController, AdcChannel), nanoFramework.Hardware.Esp32
// 1.6.42 (Sleep), nanoFramework.Runtime.Native 1.7.11 (Environment.TickCount64), CoreLibrary
// 1.17.11 (Thread, WaitHandle, TimeSpan). Signatures read from those tags' sources.
using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using Skold.Board.Boards;
using Skold.Board.Node;
using Skold.Board.Status;

namespace Skold.Node.Board
{
    /// <summary>
    /// The ESP32 under the node app (INodeBoard): millisecond clock, the LED, the user button
    /// (to GND, pull-up on), the battery ADC channel, Heltec's Vext switch, DIO0 from the radio
    /// adapter, and light sleep with DIO0, the host-link UART and a timer as wake-up sources.
    /// Every decision about them is in Skold.Board.
    /// </summary>
    public sealed class Esp32NodeBoard : INodeBoard
    {
        private readonly GpioController _gpio = new GpioController();
        private readonly BoardPinMap _pins;
        private readonly GpioPin? _led;
        private readonly GpioPin? _button;
        private readonly AdcChannel? _battery;
        private Esp32Sx127xBus? _radio;

        public Esp32NodeBoard(BoardPinMap pins)
        {
            _pins = pins;
            if (pins.Vext != BoardPinMap.None)
            {
                // Heltec: Vext low powers the OLED and the antenna boost (hardware/boards.md).
                GpioPin vext = _gpio.OpenPin(pins.Vext, PinMode.Output);
                vext.Write(PinValue.Low);
            }
            if (pins.Led != BoardPinMap.None)
            {
                _led = _gpio.OpenPin(pins.Led, PinMode.Output);
                _led.Write(PinValue.Low);
            }
            if (pins.Button != BoardPinMap.None)
            {
                _button = _gpio.OpenPin(pins.Button, PinMode.InputPullUp);
            }
            if (pins.BatteryAdcChannel != Esp32Adc.NoChannel)
            {
                AdcController adc = new AdcController();
                _battery = adc.OpenChannel(pins.BatteryAdcChannel);
            }
        }

        public bool HasButton
        {
            get { return _button != null; }
        }

        /// <summary>The radio adapter, whose DIO0 event the self-test and the loop wait on.</summary>
        public void AttachRadio(Esp32Sx127xBus radio)
        {
            _radio = radio;
        }

        public long NowMs()
        {
            return Environment.TickCount64;
        }

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        public bool WaitForDio0(int milliseconds)
        {
            return _radio != null && _radio.WaitForDio0(milliseconds);
        }

        public bool ButtonPressed()
        {
            return _button != null && _button.Read() == PinValue.Low;
        }

        public int ReadBatteryRaw()
        {
            return _battery == null ? -1 : _battery.ReadValue();
        }

        public void SetLed(bool on)
        {
            if (_led != null)
            {
                _led.Write(on ? PinValue.High : PinValue.Low);
            }
        }

        /// <summary>Samples the button for 1.2 s after power-on, every 10 ms: held all along means "run the self-test".</summary>
        public bool ButtonHeldAtBoot()
        {
            if (_button == null)
            {
                return false;
            }
            bool[] samples = new bool[120];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = ButtonPressed();
                Thread.Sleep(10);
            }
            return Button.HeldAtBoot(samples, samples.Length, 10);
        }

        /// <summary>
        /// Light sleep for at most milliseconds; DIO0 going high (ext0: GPIO 26 is an RTC GPIO on every
        /// supported board) or bytes on the host-link UART wake the chip earlier. Unverified on hardware:
        /// enabled only when the file skold.lightsleep is on the board (nodes/README.md).
        /// </summary>
        public void LightSleep(long milliseconds)
        {
            // Qualified: inside this class the name Sleep is the INodeBoard method.
            nanoFramework.Hardware.Esp32.Sleep.EnableWakeupByTimer(new TimeSpan(milliseconds * TimeSpan.TicksPerMillisecond));
            nanoFramework.Hardware.Esp32.Sleep.EnableWakeupByPin((nanoFramework.Hardware.Esp32.Sleep.WakeupGpioPin)((ulong)1 << _pins.Dio0), 1);
            nanoFramework.Hardware.Esp32.Sleep.EnableWakeupByUart(nanoFramework.Hardware.Esp32.Sleep.WakeUpPort.COM2, 3);
            nanoFramework.Hardware.Esp32.Sleep.StartLightSleep();
        }
    }
}
