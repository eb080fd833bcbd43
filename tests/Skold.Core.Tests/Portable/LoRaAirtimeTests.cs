using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Mesh;

namespace Skold.Tests.Portable
{
    /// <summary>
    /// Time on air against values computed independently with the floating-point Semtech
    /// formula (tests/vectors/airtime/reference.py prints every one of them).
    /// </summary>
    [TestClass]
    public class LoRaAirtimeTests
    {
        private const int Auto = LowDataRateMode.Auto;

        [TestMethod]
        public void Sf7At125kHzTwentyBytesMatchesTheFormula()
        {
            AssertAirtime(new LoRaModulation(7, 125000, 5), 20, 221, 56576, false);
        }

        [TestMethod]
        public void Sf9At125kHzFullFrameTakesOneAndAQuarterSeconds()
        {
            AssertAirtime(new LoRaModulation(9, 125000, 5), 255, 1221, 1250304, false);
        }

        [TestMethod]
        public void Sf12At125kHzFullFrameTakesNineSecondsWithLdroOnByItself()
        {
            AssertAirtime(new LoRaModulation(12, 125000, 5), 255, 1101, 9019392, true);
        }

        [TestMethod]
        public void Sf12At125kHzFiftyOneBytesMatchesTheFormula()
        {
            AssertAirtime(new LoRaModulation(12, 125000, 5), 51, 301, 2465792, true);
        }

        [TestMethod]
        public void Sf10At250kHzHundredBytesMatchesTheFormula()
        {
            AssertAirtime(new LoRaModulation(10, 250000, 5), 100, 501, 513024, false);
        }

        [TestMethod]
        public void ImplicitHeaderSavesTheHeaderSymbols()
        {
            AssertAirtime(new LoRaModulation(8, 125000, 5, 8, false, true, Auto), 16, 161, 82432, false);
        }

        [TestMethod]
        public void NoCrcAtCodingRateFourSixthsMatchesTheFormula()
        {
            AssertAirtime(new LoRaModulation(7, 125000, 6, 8, true, false, Auto), 32, 321, 82176, false);
        }

        [TestMethod]
        public void Sf6WithImplicitHeaderMatchesTheFormula()
        {
            AssertAirtime(new LoRaModulation(6, 125000, 5, 8, false, true, Auto), 10, 161, 20608, false);
        }

        [TestMethod]
        public void LdroForcedOffAtSf12CountsFewerSymbols()
        {
            AssertAirtime(new LoRaModulation(12, 125000, 5, 8, true, true, LowDataRateMode.Off), 51, 261, 2138112, false);
        }

        [TestMethod]
        public void LdroForcedOnAtSf7CountsMoreSymbols()
        {
            AssertAirtime(new LoRaModulation(7, 125000, 5, 8, true, true, LowDataRateMode.On), 20, 261, 66816, true);
        }

        [TestMethod]
        public void EmptyPayloadWithLongPreambleAndCodingRateFourEighths()
        {
            AssertAirtime(new LoRaModulation(11, 125000, 8, 12, true, true, Auto), 0, 97, 397312, true);
        }

        [TestMethod]
        public void OneByteAt500kHzWithNeitherHeaderNorCrc()
        {
            AssertAirtime(new LoRaModulation(7, 500000, 5, 8, false, false, Auto), 1, 81, 5184, false);
        }

        [TestMethod]
        public void NarrowBandwidthsUseTheRadiosRealBandwidth()
        {
            // "7.8 kHz" is 7812.5 Hz on the radio: 128 us a chip, 16.384 ms a symbol at SF7 (LDRO on).
            AssertAirtime(new LoRaModulation(7, 7800, 5), 20, 261, 1069056, true);
            // "41.7 kHz" is 125000/3 Hz: 24 us a chip.
            AssertAirtime(new LoRaModulation(9, 41700, 7), 64, 501, 1539072, false);
        }

        [TestMethod]
        public void SymbolTimeIsTwoToTheSpreadingFactorChips()
        {
            Assert.AreEqual(1024L, new LoRaModulation(7, 125000, 5).SymbolMicroseconds);
            Assert.AreEqual(4096L, new LoRaModulation(9, 125000, 5).SymbolMicroseconds);
            Assert.AreEqual(32768L, new LoRaModulation(12, 125000, 5).SymbolMicroseconds);
            Assert.AreEqual(524288L, new LoRaModulation(12, 7800, 5).SymbolMicroseconds);
            Assert.AreEqual(256L, new LoRaModulation(7, 500000, 5).SymbolMicroseconds);
        }

        [TestMethod]
        public void AutoLdroSwitchesOnAtSixteenMillisecondSymbols()
        {
            Assert.IsFalse(new LoRaModulation(10, 125000, 5).LowDataRateOptimization, "SF10/125k: 8.192 ms");
            Assert.IsTrue(new LoRaModulation(11, 125000, 5).LowDataRateOptimization, "SF11/125k: 16.384 ms");
            Assert.IsFalse(new LoRaModulation(11, 250000, 5).LowDataRateOptimization, "SF11/250k: 8.192 ms");
            Assert.IsTrue(new LoRaModulation(12, 250000, 5).LowDataRateOptimization, "SF12/250k: 16.384 ms");
            Assert.IsTrue(new LoRaModulation(10, 62500, 5).LowDataRateOptimization, "SF10/62.5k: 16.384 ms");
            Assert.IsFalse(new LoRaModulation(12, 500000, 5).LowDataRateOptimization, "SF12/500k: 8.192 ms");
        }

        [TestMethod]
        public void DesignRulesOfThumbHoldRoughly()
        {
            // DESIGN: about 5.6 ms a byte at SF9/125 kHz and 36 ms at SF12. Over a full frame at
            // CR 4/5 the formula gives 4.90 ms and 35.4 ms a byte (5.6 matches CR 4/6 better).
            long sf9 = LoRaAirtime.TimeOnAirMicroseconds(new LoRaModulation(9, 125000, 5), 255);
            long sf12 = LoRaAirtime.TimeOnAirMicroseconds(new LoRaModulation(12, 125000, 5), 255);
            Assert.IsTrue(sf9 >= 255L * 5600 * 85 / 100 && sf9 <= 255L * 5600 * 115 / 100, "SF9 within 15% of 5.6 ms a byte: " + sf9);
            Assert.IsTrue(sf12 >= 255L * 36000 * 95 / 100 && sf12 <= 255L * 36000 * 105 / 100, "SF12 within 5% of 36 ms a byte: " + sf12);
            long sf9CodingRateSix = LoRaAirtime.TimeOnAirMicroseconds(new LoRaModulation(9, 125000, 6), 255);
            Assert.IsTrue(sf9CodingRateSix >= 255L * 5600 && sf9CodingRateSix <= 255L * 6000, "SF9 CR4/6: " + sf9CodingRateSix);
        }

        [TestMethod]
        public void TimeOnAirNeverShrinksAsThePayloadGrows()
        {
            for (int sf = 7; sf <= 12; sf++)
            {
                LoRaModulation modulation = new LoRaModulation(sf, 125000, 5);
                long previous = 0;
                for (int payload = 0; payload <= LoRaAirtime.MaxPayloadBytes; payload++)
                {
                    long time = LoRaAirtime.TimeOnAirMicroseconds(modulation, payload);
                    Assert.IsTrue(time >= previous, "SF" + sf + " payload " + payload);
                    Assert.AreEqual(LoRaAirtime.QuarterSymbolsToMicroseconds(modulation, LoRaAirtime.SymbolsTimesFour(modulation, payload)), time);
                    previous = time;
                }
            }
        }

        [TestMethod]
        public void QuarterSymbolsAreWholeMicroseconds()
        {
            // A symbol is 2^SF chips of 2..128 us, so a quarter symbol never needs rounding.
            LoRaModulation modulation = new LoRaModulation(7, 125000, 5);
            Assert.AreEqual(256L, LoRaAirtime.QuarterSymbolsToMicroseconds(modulation, 1));
            Assert.AreEqual(1280L, LoRaAirtime.QuarterSymbolsToMicroseconds(modulation, 5));
        }

        [TestMethod]
        public void ConstructorRefusesWhatTheRadioCannotSend()
        {
            Assert.IsTrue(Refused(5, 125000, 5, 8, true), "SF5");
            Assert.IsTrue(Refused(13, 125000, 5, 8, true), "SF13");
            Assert.IsTrue(Refused(6, 125000, 5, 8, true), "SF6 with an explicit header");
            Assert.IsFalse(Refused(6, 125000, 5, 8, false), "SF6 with an implicit header");
            Assert.IsTrue(Refused(7, 100000, 5, 8, true), "100 kHz");
            Assert.IsTrue(Refused(7, 7812, 5, 8, true), "7812 Hz: the setting is called 7800");
            Assert.IsTrue(Refused(7, 125000, 4, 8, true), "CR 4/4");
            Assert.IsTrue(Refused(7, 125000, 9, 8, true), "CR 4/9");
            Assert.IsTrue(Refused(7, 125000, 5, 5, true), "preamble 5");
            Assert.IsTrue(Refused(7, 125000, 5, 65536, true), "preamble 65536");
            Assert.IsFalse(Refused(7, 125000, 5, 65535, true), "preamble 65535");
        }

        [TestMethod]
        public void PayloadIsZeroTo255Bytes()
        {
            LoRaModulation modulation = new LoRaModulation(7, 125000, 5);
            Assert.IsTrue(PayloadRefused(modulation, -1));
            Assert.IsTrue(PayloadRefused(modulation, 256));
            Assert.IsFalse(PayloadRefused(modulation, 0));
            Assert.IsFalse(PayloadRefused(modulation, 255));
        }

        [TestMethod]
        public void LowDataRateModeNamesRoundTrip()
        {
            Assert.AreEqual(LowDataRateMode.Auto, LowDataRateMode.Parse("auto"));
            Assert.AreEqual(LowDataRateMode.On, LowDataRateMode.Parse("on"));
            Assert.AreEqual(LowDataRateMode.Off, LowDataRateMode.Parse("off"));
            Assert.AreEqual(-1, LowDataRateMode.Parse("yes"));
            Assert.AreEqual("off", LowDataRateMode.Name(LowDataRateMode.Off));
        }

        private static void AssertAirtime(LoRaModulation modulation, int payloadBytes, int symbolsTimesFour, long microseconds, bool ldro)
        {
            Assert.IsTrue(ldro == modulation.LowDataRateOptimization, "LDRO: " + modulation.ToString());
            Assert.AreEqual(symbolsTimesFour, LoRaAirtime.SymbolsTimesFour(modulation, payloadBytes), modulation.ToString());
            Assert.AreEqual(microseconds, LoRaAirtime.TimeOnAirMicroseconds(modulation, payloadBytes), modulation.ToString());
        }

        private static bool Refused(int sf, int bandwidthHz, int codingRate, int preamble, bool explicitHeader)
        {
            try
            {
                new LoRaModulation(sf, bandwidthHz, codingRate, preamble, explicitHeader, true, LowDataRateMode.Auto).ToString();
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }

        private static bool PayloadRefused(LoRaModulation modulation, int payloadBytes)
        {
            try
            {
                LoRaAirtime.TimeOnAirMicroseconds(modulation, payloadBytes);
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }
    }
}
