using System;

namespace Skold.Mesh
{
    /// <summary>
    /// The LoRa settings that decide how long a frame stays on air: spreading factor,
    /// bandwidth, coding rate, preamble, header, CRC and low-data-rate optimisation. Immutable;
    /// the constructor refuses anything an SX127x radio cannot send.
    /// </summary>
    public sealed class LoRaModulation
    {
        public const int DefaultPreambleSymbols = 8;
        public const int MinPreambleSymbols = 6;
        public const int MaxPreambleSymbols = 65535;

        // The bandwidth settings by their usual names, and how long one chip (1 / bandwidth)
        // lasts on the radio: the SX127x derives its bandwidths from a 32 MHz crystal, so
        // "7.8 kHz" is really 7812.5 Hz (128 us a chip) and "41.7 kHz" 41666.67 Hz (24 us).
        // Timing uses these real values, which makes every duration a whole number of microseconds.
        private static readonly int[] NominalHz = { 7800, 10400, 15600, 20800, 31250, 41700, 62500, 125000, 250000, 500000 };
        private static readonly int[] ChipMicroseconds = { 128, 96, 64, 48, 32, 24, 16, 8, 4, 2 };

        // Semtech mandates LDRO once a symbol lasts 16 ms (SX1276 datasheet rev. 7, RegModemConfig3
        // LowDataRateOptimize); it is the DE of the time-on-air formula (section 4.1.1.6).
        private const long LdroSymbolMicroseconds = 16000;

        private readonly int _bandwidthIndex;

        public LoRaModulation(int spreadingFactor, int bandwidthHz, int codingRateDenominator)
            : this(spreadingFactor, bandwidthHz, codingRateDenominator, DefaultPreambleSymbols, true, true, LowDataRateMode.Auto)
        {
        }

        public LoRaModulation(int spreadingFactor, int bandwidthHz, int codingRateDenominator, int preambleSymbols,
            bool explicitHeader, bool crc, int lowDataRateMode)
        {
            if (spreadingFactor < 6 || spreadingFactor > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(spreadingFactor), "the spreading factor is 6..12, not " + spreadingFactor);
            }
            // SX1276 datasheet section 4.1.1.2: SF6 works only without the explicit header.
            if (spreadingFactor == 6 && explicitHeader)
            {
                throw new ArgumentOutOfRangeException(nameof(explicitHeader), "SF6 needs implicit header mode on an SX127x radio");
            }
            _bandwidthIndex = -1;
            for (int i = 0; i < NominalHz.Length; i++)
            {
                if (NominalHz[i] == bandwidthHz)
                {
                    _bandwidthIndex = i;
                }
            }
            if (_bandwidthIndex < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bandwidthHz),
                    "the bandwidth is one of 7800, 10400, 15600, 20800, 31250, 41700, 62500, 125000, 250000 or 500000 Hz, not " + bandwidthHz);
            }
            if (codingRateDenominator < 5 || codingRateDenominator > 8)
            {
                throw new ArgumentOutOfRangeException(nameof(codingRateDenominator),
                    "the coding rate is 4/5..4/8: give the denominator 5..8, not " + codingRateDenominator);
            }
            if (preambleSymbols < MinPreambleSymbols || preambleSymbols > MaxPreambleSymbols)
            {
                throw new ArgumentOutOfRangeException(nameof(preambleSymbols),
                    "the preamble is " + MinPreambleSymbols + ".." + MaxPreambleSymbols + " symbols, not " + preambleSymbols);
            }
            if (lowDataRateMode < LowDataRateMode.Auto || lowDataRateMode > LowDataRateMode.Off)
            {
                throw new ArgumentOutOfRangeException(nameof(lowDataRateMode), "low-data-rate optimisation is auto (0), on (1) or off (2)");
            }
            SpreadingFactor = spreadingFactor;
            BandwidthHz = bandwidthHz;
            CodingRateDenominator = codingRateDenominator;
            PreambleSymbols = preambleSymbols;
            ExplicitHeader = explicitHeader;
            Crc = crc;
            LowDataRate = lowDataRateMode;
            LowDataRateOptimization = lowDataRateMode == LowDataRateMode.On
                || (lowDataRateMode == LowDataRateMode.Auto && SymbolMicroseconds >= LdroSymbolMicroseconds);
        }

        public int SpreadingFactor { get; }

        /// <summary>The bandwidth setting by its usual name in Hz: 7800 for "7.8 kHz" (really 7812.5 Hz).</summary>
        public int BandwidthHz { get; }

        /// <summary>5..8 for coding rate 4/5..4/8.</summary>
        public int CodingRateDenominator { get; }

        public int PreambleSymbols { get; }

        public bool ExplicitHeader { get; }

        public bool Crc { get; }

        /// <summary>The mode asked for: LowDataRateMode.Auto, On or Off.</summary>
        public int LowDataRate { get; }

        /// <summary>Whether low-data-rate optimisation is in effect (Auto resolved).</summary>
        public bool LowDataRateOptimization { get; }

        /// <summary>How long one symbol lasts: 2^SF chips of 1 / bandwidth each (a multiple of 4 us, exact).</summary>
        public long SymbolMicroseconds
        {
            get { return (long)ChipMicroseconds[_bandwidthIndex] << SpreadingFactor; }
        }

        public override string ToString()
        {
            return "SF" + SpreadingFactor + " " + BandwidthHz + " Hz CR4/" + CodingRateDenominator + " preamble " + PreambleSymbols
                + (ExplicitHeader ? "" : " implicit-header") + (Crc ? "" : " no-CRC") + " LDRO " + (LowDataRateOptimization ? "on" : "off");
        }
    }
}
