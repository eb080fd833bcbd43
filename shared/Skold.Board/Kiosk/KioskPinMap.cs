using System;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The kiosk's wiring on an ESP32 DevKitC (WROOM-32) with an RFM95W: hardware/kiosk-wiring.md,
    /// whose JSON block a test compares with this. The keypad rows share the LCD's D4..D7 lines
    /// (through 1 kOhm each) and the columns sit on the input-only GPIO 34, 35, 36, 39 with
    /// external pull-ups: the ESP32 has too few free pins otherwise. The TTGO and Heltec boards
    /// have even fewer free pins (hardware/boards.md), so they carry no kiosk.
    /// </summary>
    public sealed class KioskPinMap
    {
        public const string KioskDevKitC = "kiosk-devkitc";

        /// <summary>The relay's DevKitC name: the same carrier board and radio pins (hardware/kiosk-wiring.md).</summary>
        public const string RelayDevKitC = "devkitc-rfm95w";

        private KioskPinMap(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public int Sck { get; private set; }

        public int Miso { get; private set; }

        public int Mosi { get; private set; }

        public int Nss { get; private set; }

        public int Reset { get; private set; }

        public int Dio0 { get; private set; }

        public int LcdRs { get; private set; }

        public int LcdE { get; private set; }

        /// <summary>D4, D5, D6, D7.</summary>
        public int[] LcdData { get; private set; } = new int[0];

        /// <summary>Rows 1..4 from the top (on this wiring: the LCD's D4..D7 lines).</summary>
        public int[] KeypadRows { get; private set; } = new int[0];

        /// <summary>Columns 1..4 from the left.</summary>
        public int[] KeypadColumns { get; private set; } = new int[0];

        /// <summary>True when the column pins have no internal pull-up (GPIO 34-39) and the board carries resistors.</summary>
        public bool ColumnsPulledUpExternally { get; private set; }

        public int Buzzer { get; private set; }

        public int LedGreen { get; private set; }

        public int LedRed { get; private set; }

        public int LedAmber { get; private set; }

        /// <summary>
        /// The optional DS3231's I2C clock: GPIO 0, a strapping pin that must be high at reset;
        /// the bus pull-up keeps it high and the DS3231 never drives SCL (hardware/kiosk-wiring.md).
        /// </summary>
        public int I2cScl { get; private set; }

        /// <summary>The DS3231's I2C data: GPIO 15, a strapping pin whose default (pulled up) the bus keeps.</summary>
        public int I2cSda { get; private set; }

        /// <summary>True when the keypad rows are the LCD data lines: never scan while E is high.</summary>
        public bool RowsShareLcdData
        {
            get
            {
                for (int i = 0; i < KeypadRows.Length; i++)
                {
                    if (KeypadRows[i] != LcdData[i])
                    {
                        return false;
                    }
                }
                return KeypadRows.Length == LcdData.Length;
            }
        }

        /// <summary>The kiosk wiring for a provisioned board name; ArgumentException for a board that cannot carry a kiosk.</summary>
        public static KioskPinMap ForName(string name)
        {
            if (name != KioskDevKitC && name != RelayDevKitC)
            {
                throw new ArgumentException("board \"" + name + "\" has too few free pins for a kiosk: build kiosks on an ESP32 DevKitC (WROOM-32) as in hardware/kiosk-wiring.md and provision it as " + KioskDevKitC);
            }
            KioskPinMap map = new KioskPinMap(KioskDevKitC);
            map.Sck = 18;
            map.Miso = 19;
            map.Mosi = 23;
            map.Nss = 5;
            map.Reset = 27;
            map.Dio0 = 26;
            map.LcdRs = 32;
            map.LcdE = 33;
            map.LcdData = new int[] { 25, 13, 16, 17 };
            map.KeypadRows = new int[] { 25, 13, 16, 17 };
            map.KeypadColumns = new int[] { 34, 35, 36, 39 };
            map.ColumnsPulledUpExternally = true;
            map.Buzzer = 4;
            map.LedGreen = 21;
            map.LedRed = 22;
            map.LedAmber = 14;
            map.I2cScl = 0;
            map.I2cSda = 15;
            return map;
        }
    }
}
