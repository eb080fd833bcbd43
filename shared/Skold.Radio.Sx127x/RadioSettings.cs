using System;
using Skold.Mesh;

namespace Skold.Radio.Sx127x
{
    /// <summary>Everything the driver sets on the chip: carrier, modulation, sync word and transmitter.</summary>
    public sealed class RadioSettings
    {
        /// <summary>0x12, the private-network sync word (LoRaWAN uses 0x34): Skold frames stay apart from LoRaWAN traffic.</summary>
        public const int DefaultSyncWord = 0x12;

        public RadioSettings(long frequencyHz, LoRaModulation modulation, int powerDbm, bool paBoost)
        {
            if (frequencyHz < 137000000 || frequencyHz > 1020000000)
            {
                throw new ArgumentOutOfRangeException(nameof(frequencyHz), "the SX127x family tunes 137..1020 MHz");
            }
            if (modulation == null)
            {
                throw new ArgumentNullException(nameof(modulation));
            }
            int minimum = paBoost ? 2 : -4;
            int maximum = paBoost ? 20 : 15;
            if (powerDbm < minimum || powerDbm > maximum)
            {
                throw new ArgumentOutOfRangeException(nameof(powerDbm), (paBoost ? "PA_BOOST" : "RFO") + " gives " + minimum + ".." + maximum + " dBm");
            }
            FrequencyHz = frequencyHz;
            Modulation = modulation;
            PowerDbm = powerDbm;
            PaBoost = paBoost;
            SyncWord = DefaultSyncWord;
            OcpMilliamps = powerDbm > 17 ? 140 : 100;
        }

        public long FrequencyHz { get; }

        public LoRaModulation Modulation { get; }

        public int PowerDbm { get; }

        /// <summary>True for modules wired to PA_BOOST (RFM95W, TTGO, Heltec); false for the RFO pin.</summary>
        public bool PaBoost { get; }

        public int SyncWord { get; set; }

        /// <summary>Over-current protection limit, 45..240 mA (datasheet 5.4.4).</summary>
        public int OcpMilliamps { get; set; }
    }
}
