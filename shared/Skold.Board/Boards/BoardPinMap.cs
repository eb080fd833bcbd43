namespace Skold.Board.Boards
{
    /// <summary>
    /// How one supported board is wired: the SX127x's SPI lines, NSS, RESET and DIO0, the status
    /// LED, the user button, the battery-sense ADC pin with its divider, and the Vext switch where
    /// the board has one. Chosen at boot by the pin-map name in the device's provisioning
    /// (docs/formats/provisioning.md), never by editing code. The figures and their sources are
    /// in hardware/boards.md; a test checks this table against that document.
    /// </summary>
    public sealed class BoardPinMap
    {
        /// <summary>"Not present on this board".</summary>
        public const int None = -1;

        public const string TtgoLora32V21 = "ttgo-lora32-v21";
        public const string HeltecV2 = "heltec-wifi-lora32-v2";
        public const string HeltecV21 = "heltec-wifi-lora32-v2.1";
        public const string DevKitCRfm95w = "devkitc-rfm95w";

        private static readonly BoardPinMap[] Known =
        {
            // LilyGO T3 V1.6: battery divider 100k/100k; no user button.
            new BoardPinMap(TtgoLora32V21, 5, 19, 27, 18, 23, 26, 25, None, 35, 2, 1, None, 13, 4),
            // Heltec V2: battery on GPIO 13 (ADC2) through 220k/100k, so V_bat = 3.2 x V_pin.
            new BoardPinMap(HeltecV2, 5, 19, 27, 18, 14, 26, 25, 0, 13, 32, 10, 21, 17, 23),
            // Heltec V2.1: the same, battery moved to GPIO 37 (ADC1).
            new BoardPinMap(HeltecV21, 5, 19, 27, 18, 14, 26, 25, 0, 37, 32, 10, 21, 17, 23),
            // Our own wiring on a DevKitC (WROOM-32): radio pins shared with the kiosk.
            new BoardPinMap(DevKitCRfm95w, 18, 19, 23, 5, 27, 26, 21, 22, 35, 2, 1, None, 16, 17),
        };

        private BoardPinMap(string name, int sck, int miso, int mosi, int nss, int reset, int dio0, int led, int button,
            int batteryAdcPin, int dividerNumerator, int dividerDenominator, int vext, int hostLinkRx, int hostLinkTx)
        {
            Name = name;
            Sck = sck;
            Miso = miso;
            Mosi = mosi;
            Nss = nss;
            Reset = reset;
            Dio0 = dio0;
            Led = led;
            Button = button;
            BatteryAdcPin = batteryAdcPin;
            DividerNumerator = dividerNumerator;
            DividerDenominator = dividerDenominator;
            Vext = vext;
            HostLinkRx = hostLinkRx;
            HostLinkTx = hostLinkTx;
        }

        public string Name { get; }

        public int Sck { get; }

        public int Miso { get; }

        public int Mosi { get; }

        public int Nss { get; }

        public int Reset { get; }

        public int Dio0 { get; }

        /// <summary>Status LED, active high, or None.</summary>
        public int Led { get; }

        /// <summary>User button to GND (pressed reads low, pull-up on), or None.</summary>
        public int Button { get; }

        public int BatteryAdcPin { get; }

        /// <summary>nanoFramework ADC channel of the battery pin (Esp32Adc).</summary>
        public int BatteryAdcChannel
        {
            get { return Esp32Adc.ChannelForGpio(BatteryAdcPin); }
        }

        /// <summary>V_battery = V_pin x DividerNumerator / DividerDenominator.</summary>
        public int DividerNumerator { get; }

        public int DividerDenominator { get; }

        /// <summary>Heltec's Vext rail switch (drive low to power the OLED and the antenna boost), or None.</summary>
        public int Vext { get; }

        /// <summary>
        /// UART pins of the host link (COM2). The USB port (COM1) carries nanoFramework's debugger
        /// protocol on these boards and is not free for the app: see nodes/README.md.
        /// </summary>
        public int HostLinkRx { get; }

        public int HostLinkTx { get; }

        /// <summary>The pin-map names this firmware knows, as `skold provision --board` takes them.</summary>
        public static string[] Names
        {
            get
            {
                string[] names = new string[Known.Length];
                for (int i = 0; i < Known.Length; i++)
                {
                    names[i] = Known[i].Name;
                }
                return names;
            }
        }

        /// <summary>The pin map for a provisioning's board name; BoardException names the known ones when it is unknown.</summary>
        public static BoardPinMap ForName(string name)
        {
            for (int i = 0; i < Known.Length; i++)
            {
                if (Known[i].Name == name)
                {
                    return Known[i];
                }
            }
            string known = "";
            for (int i = 0; i < Known.Length; i++)
            {
                known = known + (i == 0 ? "" : ", ") + Known[i].Name;
            }
            throw new BoardException("unknown board pin map \"" + name + "\": this firmware knows " + known
                + " (hardware/boards.md); provision the board again with one of them");
        }
    }
}
