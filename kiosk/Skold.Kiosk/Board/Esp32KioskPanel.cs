// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.Device.Gpio 1.1.62 (GpioController, PinMode, PinValue),
// nanoFramework.Hardware.Esp32 1.6.42 (Configuration.SetPinFunction, DeviceFunction.PWM1,
// HighResTimer.GetCurrent), nanoFramework.System.Device.Pwm 1.1.23 (PwmChannel.CreateFromPin,
// Frequency, DutyCycle, Start, Stop), CoreLibrary 1.17.11 (Thread.Sleep).
using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Station;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// The kiosk's front panel on the ESP32's GPIO: the HD44780's RS, E and D4..D7, the keypad's
    /// rows and columns, the buzzer and the three LEDs. On the documented wiring the keypad rows
    /// ARE the LCD's D4..D7 (through 1 kOhm): both roles drive the same output pins, which is safe
    /// because the kiosk loop is one thread, the display driver always leaves E low, and the LCD
    /// only reads D4..D7 while E is high (hardware/kiosk-wiring.md).
    /// </summary>
    public sealed class Esp32KioskPanel : IHd44780Pins, IKeypadPins, ISignalOutput, IDisposable
    {
        private readonly GpioController _gpio = new GpioController();
        private readonly KioskPinMap _pins;
        private readonly PwmChannel? _pwm;

        /// <param name="passiveBuzzer">True for a passive piezo (PWM tones at the pattern's pitch), false for an active buzzer (on/off).</param>
        public Esp32KioskPanel(KioskPinMap pins, bool passiveBuzzer)
        {
            _pins = pins;
            Output(pins.LcdRs, false);
            Output(pins.LcdE, false);
            for (int i = 0; i < 4; i++)
            {
                Output(pins.LcdData[i], true);
                if (!pins.RowsShareLcdData)
                {
                    Output(pins.KeypadRows[i], true);
                }
                // GPIO 34-39 have no internal pull-ups: the board carries 10 kOhm resistors.
                _gpio.OpenPin(pins.KeypadColumns[i], pins.ColumnsPulledUpExternally ? PinMode.Input : PinMode.InputPullUp);
            }
            Output(pins.LedGreen, false);
            Output(pins.LedRed, false);
            Output(pins.LedAmber, false);
            if (passiveBuzzer)
            {
                Configuration.SetPinFunction(pins.Buzzer, DeviceFunction.PWM1);
                _pwm = PwmChannel.CreateFromPin(pins.Buzzer, 2000, 0.5);
                if (_pwm == null)
                {
                    throw new InvalidOperationException("no PWM channel for the buzzer on GPIO " + pins.Buzzer);
                }
            }
            else
            {
                Output(pins.Buzzer, false);
            }
        }

        public void SetRegisterSelect(bool data)
        {
            _gpio.Write(_pins.LcdRs, data ? PinValue.High : PinValue.Low);
        }

        public void SetEnable(bool high)
        {
            _gpio.Write(_pins.LcdE, high ? PinValue.High : PinValue.Low);
        }

        public void SetData(int nibble)
        {
            for (int i = 0; i < 4; i++)
            {
                _gpio.Write(_pins.LcdData[i], ((nibble >> i) & 1) != 0 ? PinValue.High : PinValue.Low);
            }
        }

        public void DelayMicroseconds(int microseconds)
        {
            if (microseconds >= 2000)
            {
                // Thread.Sleep rounds to the scheduler's tick: one more millisecond keeps it a minimum.
                Thread.Sleep(microseconds / 1000 + 1);
                return;
            }
            ulong end = HighResTimer.GetCurrent() + (ulong)microseconds;
            while (HighResTimer.GetCurrent() < end)
            {
            }
        }

        public void SelectRow(int row)
        {
            for (int i = 0; i < 4; i++)
            {
                _gpio.Write(_pins.KeypadRows[i], i == row ? PinValue.Low : PinValue.High);
            }
        }

        public int ReadColumns()
        {
            int bits = 0;
            for (int i = 0; i < 4; i++)
            {
                if (_gpio.Read(_pins.KeypadColumns[i]) == PinValue.Low)
                {
                    bits |= 1 << i;
                }
            }
            return bits;
        }

        public void Tone(int hz)
        {
            if (_pwm != null)
            {
                if (hz > 0)
                {
                    _pwm.Frequency = hz;
                    _pwm.DutyCycle = 0.5;
                    _pwm.Start();
                }
                else
                {
                    _pwm.Stop();
                }
                return;
            }
            _gpio.Write(_pins.Buzzer, hz > 0 ? PinValue.High : PinValue.Low);
        }

        public void Leds(int mask)
        {
            _gpio.Write(_pins.LedGreen, (mask & KioskSignal.GreenLed) != 0 ? PinValue.High : PinValue.Low);
            _gpio.Write(_pins.LedRed, (mask & KioskSignal.RedLed) != 0 ? PinValue.High : PinValue.Low);
            _gpio.Write(_pins.LedAmber, (mask & KioskSignal.AmberLed) != 0 ? PinValue.High : PinValue.Low);
        }

        public void Dispose()
        {
            if (_pwm != null)
            {
                _pwm.Dispose();
            }
            _gpio.Dispose();
        }

        private void Output(int pin, bool high)
        {
            _gpio.OpenPin(pin, PinMode.Output);
            _gpio.Write(pin, high ? PinValue.High : PinValue.Low);
        }
    }
}
