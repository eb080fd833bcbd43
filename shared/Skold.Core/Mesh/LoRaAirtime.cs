using System;

namespace Skold.Mesh
{
    /// <summary>
    /// LoRa time on air, from the Semtech formula (SX1276/77/78/79 datasheet rev. 7, section
    /// 4.1.1.6 "Time on air"; AN1200.13 "LoRa Modem Designer's Guide"), in integers only:
    ///   T_sym         = 2^SF / BW
    ///   T_preamble    = (n_preamble + 4.25) T_sym
    ///   payloadSymbNb = 8 + max(ceil((8 PL - 4 SF + 28 + 16 CRC - 20 IH) / (4 (SF - 2 DE))) (CR + 4), 0)
    ///   T_packet      = T_preamble + payloadSymbNb T_sym
    /// with CR 1..4 for coding rate 4/5..4/8, IH = 1 in implicit header mode, DE = 1 with
    /// low-data-rate optimisation. Symbols are counted in quarters (the preamble's 4.25 is 17/4).
    /// </summary>
    public static class LoRaAirtime
    {
        public const int MaxPayloadBytes = 255;

        /// <summary>The frame's total symbols (preamble, sync, header and payload) times four, exact.</summary>
        public static int SymbolsTimesFour(LoRaModulation modulation, int payloadBytes)
        {
            return 4 * modulation.PreambleSymbols + 17 + 4 * PayloadSymbols(modulation, payloadBytes);
        }

        /// <summary>payloadSymbNb of the formula: the symbols after the preamble (header, payload, CRC).</summary>
        public static int PayloadSymbols(LoRaModulation modulation, int payloadBytes)
        {
            if (payloadBytes < 0 || payloadBytes > MaxPayloadBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadBytes), "a LoRa payload is 0.." + MaxPayloadBytes + " bytes, not " + payloadBytes);
            }
            int sf = modulation.SpreadingFactor;
            int numerator = 8 * payloadBytes - 4 * sf + 28 + (modulation.Crc ? 16 : 0) - (modulation.ExplicitHeader ? 0 : 20);
            int denominator = 4 * (sf - (modulation.LowDataRateOptimization ? 2 : 0));
            int blocks = CeilingDivide(numerator, denominator);
            int codingRate = modulation.CodingRateDenominator - 4;
            return 8 + (blocks > 0 ? blocks * (codingRate + 4) : 0);
        }

        /// <summary>How long the frame stays on air, in microseconds, rounded up (exact for an SX127x's bandwidths).</summary>
        public static long TimeOnAirMicroseconds(LoRaModulation modulation, int payloadBytes)
        {
            return QuarterSymbolsToMicroseconds(modulation, SymbolsTimesFour(modulation, payloadBytes));
        }

        /// <summary>The duration of `symbolsTimesFour` / 4 symbols in microseconds, rounded up.</summary>
        public static long QuarterSymbolsToMicroseconds(LoRaModulation modulation, long symbolsTimesFour)
        {
            return (symbolsTimesFour * modulation.SymbolMicroseconds + 3) / 4;
        }

        // Rounds towards plus infinity for either sign; C# division truncates towards zero.
        private static int CeilingDivide(int numerator, int denominator)
        {
            int quotient = numerator / denominator;
            return numerator % denominator > 0 ? quotient + 1 : quotient;
        }
    }
}
