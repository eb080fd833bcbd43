using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Mesh;
using Skold.Radio.Model;

namespace Skold.Radio.Sx127x.Tests;

[TestClass]
public class Sx127xDriverTests
{
    private static readonly LoRaModulation Sf9 = new(9, 125000, 5);

    private static (SimulatedSx1276 Chip, Sx127x Radio) Ready(RadioSettings? settings = null)
    {
        var chip = new SimulatedSx1276();
        var radio = new Sx127x(chip, chip);
        radio.Reset();
        radio.Configure(settings ?? new RadioSettings(869_525_000, Sf9, 14, paBoost: true));
        return (chip, radio);
    }

    [TestMethod]
    public void ResetPulsesTheLineWaitsAndFindsTheChip()
    {
        var chip = new SimulatedSx1276();
        var radio = new Sx127x(chip, chip);
        radio.Reset();
        Assert.AreEqual(1, chip.Resets);
        Assert.IsTrue(chip.WaitedMilliseconds >= 6, "5 ms after releasing NRESET (datasheet 7.2.2)");
    }

    [TestMethod]
    public void NoChipAnsweringSaysWhatToCheck()
    {
        var chip = new SimulatedSx1276 { Absent = true };
        var error = Assert.ThrowsExactly<RadioException>(() => new Sx127x(chip, chip).Reset());
        StringAssert.Contains(error.Message, "no SX127x answers on SPI");
        StringAssert.Contains(error.Message, "MISO");
    }

    [TestMethod]
    public void AnotherChipIsRefused()
    {
        var chip = new SimulatedSx1276 { Version = 0x22 };
        var error = Assert.ThrowsExactly<RadioException>(() => new Sx127x(chip, chip).Reset());
        StringAssert.Contains(error.Message, "version 0x22");
    }

    [TestMethod]
    public void ConfigureEntersLoRaModeThroughSleep()
    {
        var (chip, _) = Ready();
        Assert.IsTrue(chip.LoRa, "the chip came up in FSK mode; LoRa must be set in sleep");
        Assert.AreEqual(Registers.ModeStandby, chip.Mode);
        int firstLoRa = chip.ModeLog.FindIndex(v => (v & Registers.LongRangeMode) != 0);
        Assert.AreEqual(Registers.ModeSleep, chip.ModeLog[firstLoRa - 1] & Registers.ModeMask, "sleep is entered before LongRangeMode is set");
    }

    // Frf = f * 2^19 / 32 MHz (datasheet 4.1.4).
    [TestMethod]
    [DataRow(869_525_000L, 0xd9, 0x61, 0x9a, false)]
    [DataRow(868_100_000L, 0xd9, 0x06, 0x66, false)]
    [DataRow(433_175_000L, 0x6c, 0x4b, 0x33, true)]
    public void FrequencyIsWrittenAsFrfAndTheBandPortChosen(long hz, int msb, int mid, int lsb, bool lowFrequency)
    {
        var (chip, _) = Ready(new RadioSettings(hz, Sf9, 14, paBoost: true));
        Assert.AreEqual(msb, chip.Register(Registers.FrfMsb));
        Assert.AreEqual(mid, chip.Register(Registers.FrfMid));
        Assert.AreEqual(lsb, chip.Register(Registers.FrfLsb));
        long frf = (chip.Register(Registers.FrfMsb) << 16) | (chip.Register(Registers.FrfMid) << 8) | chip.Register(Registers.FrfLsb);
        Assert.IsTrue(Math.Abs(frf * 32_000_000.0 / (1 << 19) - hz) <= 31, "within half a 61 Hz step");
        Assert.AreEqual(lowFrequency, (chip.Register(Registers.OpMode) & Registers.LowFrequencyMode) != 0);
    }

    [TestMethod]
    public void ModulationRegistersFollowTheSettings()
    {
        var m = new LoRaModulation(12, 125000, 8, 12, explicitHeader: true, crc: true, LowDataRateMode.Auto);
        var (chip, _) = Ready(new RadioSettings(869_525_000, m, 14, paBoost: true) { SyncWord = 0x2b });
        Assert.AreEqual(0x78, chip.Register(Registers.ModemConfig1), "125 kHz (7), 4/8 (4), explicit header");
        Assert.AreEqual(0xc4, chip.Register(Registers.ModemConfig2), "SF12, CRC on");
        Assert.AreEqual(0x0c, chip.Register(Registers.ModemConfig3), "LDRO on by itself: a symbol lasts 32.8 ms; AGC on");
        Assert.AreEqual(0, chip.Register(Registers.PreambleMsb));
        Assert.AreEqual(12, chip.Register(Registers.PreambleLsb));
        Assert.AreEqual(0x2b, chip.Register(Registers.SyncWord));
        Assert.AreEqual(0xc3, chip.Register(Registers.DetectOptimize));

        var sf6 = new LoRaModulation(6, 500000, 5, 8, explicitHeader: false, crc: false, LowDataRateMode.Off);
        var (chip6, _) = Ready(new RadioSettings(869_525_000, sf6, 14, paBoost: true));
        Assert.AreEqual(0x93, chip6.Register(Registers.ModemConfig1), "500 kHz (9), 4/5 (1), implicit header");
        Assert.AreEqual(0x60, chip6.Register(Registers.ModemConfig2));
        Assert.AreEqual(0xc5, chip6.Register(Registers.DetectOptimize), "SF6 detection settings (datasheet 4.1.1.2)");
        Assert.AreEqual(0x0c, chip6.Register(Registers.DetectionThreshold));
    }

    [TestMethod]
    [DataRow(true, 14, 0xfc, 0x84, 0x2b)]
    [DataRow(true, 17, 0xff, 0x84, 0x2b)]
    [DataRow(true, 20, 0xff, 0x87, 0x31)]
    [DataRow(true, 2, 0xf0, 0x84, 0x2b)]
    [DataRow(false, 14, 0x7e, 0x84, 0x2b)]
    [DataRow(false, -4, 0x00, 0x84, 0x2b)]
    public void PowerUsesThePinTheModuleIsWiredToAndGuardsTheCurrent(bool paBoost, int dbm, int paConfig, int paDac, int ocp)
    {
        var (chip, _) = Ready(new RadioSettings(869_525_000, Sf9, dbm, paBoost));
        Assert.AreEqual(paConfig, chip.Register(Registers.PaConfig));
        Assert.AreEqual(paDac, chip.Register(Registers.PaDac));
        Assert.AreEqual(ocp, chip.Register(Registers.Ocp), "100 mA (trim 11), 140 mA at +20 dBm (trim 17)");
    }

    [TestMethod]
    public void PowerOutsideWhatThePinGivesIsRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RadioSettings(869_525_000, Sf9, 21, paBoost: true));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RadioSettings(869_525_000, Sf9, 17, paBoost: false));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RadioSettings(2_400_000_000, Sf9, 14, paBoost: true));
    }

    [TestMethod]
    public void TransmitFillsTheFifoFromTheTxBaseAndEndsWithTxDone()
    {
        var (chip, radio) = Ready();
        int interrupts = 0;
        chip.Dio0Rose += () => interrupts++;
        byte[] frame = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        radio.Transmit(frame, 0, frame.Length, nowMs: 0);
        Assert.AreEqual(Registers.ModeTransmit, chip.Mode);
        Assert.AreEqual(200, chip.Register(Registers.PayloadLength));
        Assert.AreEqual(Registers.Dio0TxDone, chip.Register(Registers.DioMapping1));
        Assert.IsTrue(chip.FinishTransmit());
        Assert.AreEqual(1, interrupts);
        Assert.AreEqual(RadioEvent.TransmitDone, radio.Service());
        Assert.IsFalse(radio.Transmitting);
        CollectionAssert.AreEqual(frame, chip.Transmitted.Single());
        Assert.AreEqual(0, chip.Register(Registers.IrqFlags), "flags cleared");
        Assert.AreEqual(RadioEvent.None, radio.Service());
    }

    [TestMethod]
    public void ATransmissionThatNeverEndsTimesOutAndTheRadioIsBackInStandby()
    {
        var (chip, radio) = Ready();
        chip.StuckInTransmit = true;
        radio.Transmit(new byte[100], 0, 100, nowMs: 1000);
        long airtimeMs = LoRaAirtime.TimeOnAirMicroseconds(Sf9, 100) / 1000;
        radio.CheckTimeout(1000 + airtimeMs);
        var error = Assert.ThrowsExactly<RadioException>(() => radio.CheckTimeout(1000 + airtimeMs * 2 + 200));
        StringAssert.Contains(error.Message, "TxDone");
        Assert.AreEqual(Registers.ModeStandby, chip.Mode);
        Assert.IsFalse(radio.Transmitting);
    }

    [TestMethod]
    public void ReceivedFramesComeOutOfTheFifoWithRssiAndSnr()
    {
        var (chip, radio) = Ready();
        radio.StartReceiving();
        Assert.AreEqual(Registers.ModeReceiveContinuous, chip.Mode);
        Assert.AreEqual(Registers.Dio0RxDone, chip.Register(Registers.DioMapping1));
        byte[] frame = Enumerable.Range(0, 255).Select(i => (byte)(255 - i)).ToArray();
        Assert.IsTrue(chip.Receive(frame, packetRssiRegister: 60, snrQuarterDb: 38));
        Assert.AreEqual(RadioEvent.FrameReceived, radio.Service());
        CollectionAssert.AreEqual(frame, radio.Received.Take(radio.ReceivedLength).ToArray());
        Assert.AreEqual(-97, radio.ReceivedRssiDbm, "-157 + 60");
        Assert.AreEqual(95, radio.ReceivedSnrTenths, "38 quarter dB");
        Assert.AreEqual(Registers.ModeReceiveContinuous, chip.Mode, "still listening");

        // Below the noise floor: negative SNR, and the RSSI includes it (datasheet 5.5.5).
        Assert.IsTrue(chip.Receive([1, 2, 3], packetRssiRegister: 20, snrQuarterDb: -30));
        Assert.AreEqual(RadioEvent.FrameReceived, radio.Service());
        Assert.AreEqual(-75, radio.ReceivedSnrTenths);
        Assert.AreEqual(-157 + 20 - 7, radio.ReceivedRssiDbm);
        Assert.AreEqual(3, radio.ReceivedLength);
    }

    [TestMethod]
    public void AFrameWithACrcErrorIsDroppedAndCounted()
    {
        var (chip, radio) = Ready();
        radio.StartReceiving();
        chip.Receive([9, 9, 9], 50, 10, crcError: true);
        Assert.AreEqual(RadioEvent.CrcError, radio.Service());
        Assert.AreEqual(1, radio.CrcErrors);
        Assert.AreEqual(0, radio.ReceivedLength);
        chip.Receive([7], 50, 10);
        Assert.AreEqual(RadioEvent.FrameReceived, radio.Service());
    }

    [TestMethod]
    public void TheLowFrequencyPortReadsRssiWithItsOwnOffset()
    {
        var (chip, radio) = Ready(new RadioSettings(433_175_000, Sf9, 17, paBoost: true));
        radio.StartReceiving();
        chip.Receive([1], packetRssiRegister: 60, snrQuarterDb: 20);
        radio.Service();
        Assert.AreEqual(-104, radio.ReceivedRssiDbm, "-164 + 60");
    }

    [TestMethod]
    public void ChannelActivityDetectionReportsBusyOrClear()
    {
        var (chip, radio) = Ready();
        radio.StartChannelCheck();
        Assert.AreEqual(RadioEvent.ChannelClear, radio.Service());
        Assert.AreEqual(Registers.ModeStandby, chip.Mode);
        chip.ChannelBusy = true;
        radio.StartChannelCheck();
        Assert.AreEqual(Registers.Dio0CadDone, chip.Register(Registers.DioMapping1));
        Assert.AreEqual(RadioEvent.ChannelBusy, radio.Service());
    }

    [TestMethod]
    public void UnconfiguredOrOversizedUseIsRefused()
    {
        var chip = new SimulatedSx1276();
        var radio = new Sx127x(chip, chip);
        radio.Reset();
        Assert.ThrowsExactly<InvalidOperationException>(() => radio.StartReceiving());
        var (_, ready) = Ready();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ready.Transmit(new byte[256], 0, 256, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ready.Transmit(new byte[1], 0, 0, 0));
    }

    [TestMethod]
    public void SleepAndStandbyAreTheirModes()
    {
        var (chip, radio) = Ready();
        radio.Sleep();
        Assert.AreEqual(Registers.ModeSleep, chip.Mode);
        Assert.IsTrue(chip.LoRa, "sleep keeps LoRa mode");
        radio.Standby();
        Assert.AreEqual(Registers.ModeStandby, chip.Mode);
    }
}
