using Skold.Board.Power;

namespace Skold.Board.Tests;

[TestClass]
public sealed class PowerTests
{
    private static int RawFor(int pinMillivolts) => (int)Math.Round(pinMillivolts * 4095.0 / 3300.0);

    [TestMethod]
    public void AFullCellReadsAbout4200MillivoltsThroughEachBoardsDivider()
    {
        var ttgo = new BatteryGauge(2, 1);
        Assert.AreEqual(4200, ttgo.ToMillivolts(RawFor(2100)), 2, "100k/100k: 4.2 V reads 2.1 V at the pin");
        var heltec = new BatteryGauge(32, 10);
        Assert.AreEqual(4200, heltec.ToMillivolts(RawFor(1313)), 3, "220k/100k: 4.2 V reads 1.31 V at the pin");
        Assert.AreEqual(0, ttgo.ToMillivolts(0));
        Assert.AreEqual(6600, ttgo.ToMillivolts(4095), "full scale 3.3 V at the pin, doubled");
    }

    [TestMethod]
    public void ConversionIsExactIntegerArithmeticRoundedToNearest()
    {
        var gauge = new BatteryGauge(2, 1);
        for (int raw = 0; raw <= 4095; raw++)
        {
            double exact = raw * 3300.0 * 2 / 4095;
            Assert.AreEqual((int)Math.Round(exact, MidpointRounding.AwayFromZero), gauge.ToMillivolts(raw), "raw " + raw);
        }
    }

    [TestMethod]
    public void CalibrationCorrectsABoardMeasuredAgainstAMeter()
    {
        var gauge = new BatteryGauge(2, 1) { CalibrationPermille = 1050 };
        Assert.AreEqual(4410, gauge.ToMillivolts(RawFor(2100)), 3);
    }

    [TestMethod]
    public void ReadingsOutsideTheAdcAreRefused()
    {
        var gauge = new BatteryGauge(2, 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => gauge.ToMillivolts(4096));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => gauge.ToMillivolts(-1));
        Assert.ThrowsExactly<ArgumentException>(() => new BatteryGauge(0, 1));
    }

    [TestMethod]
    public void LevelsFollowThe18650ThresholdsWithHysteresis()
    {
        var gauge = new BatteryGauge(2, 1);
        int Level(int batteryMv)
        {
            int[] raws = Enumerable.Repeat(RawFor(batteryMv / 2), 5).ToArray();
            gauge.Update(raws, raws.Length);
            return gauge.Level;
        }
        Assert.AreEqual(BatteryLevel.Good, Level(3900));
        Assert.AreEqual(BatteryLevel.Low, Level(3400), "below 3420 mV (20 %)");
        Assert.AreEqual(BatteryLevel.Low, Level(3440), "just above the threshold is not enough to be good again");
        Assert.AreEqual(BatteryLevel.Good, Level(3480));
        Assert.AreEqual(BatteryLevel.Critical, Level(3280), "below 3300 mV (10 %)");
        Assert.AreEqual(BatteryLevel.Critical, Level(3320));
        Assert.AreEqual(BatteryLevel.Low, Level(3360));
        Assert.AreEqual(BatteryLevel.Unknown, Level(0), "no cell: the divider reads nothing");
        Assert.AreEqual(BatteryLevel.Unknown, Level(5000), "more than a Li-ion cell can show");
    }

    [TestMethod]
    public void TheMedianIgnoresASpike()
    {
        var gauge = new BatteryGauge(2, 1);
        int[] raws = [RawFor(1950), 4095, RawFor(1950), 0, RawFor(1950)];
        Assert.AreEqual(3900, gauge.Update(raws, raws.Length), 3);
    }

    [TestMethod]
    public void TheWatchdogStarvesOnlyWhenTheLoopStopsFeedingIt()
    {
        var dog = new Watchdog(30000, 0);
        for (long t = 0; t <= 120000; t += 1000)
        {
            dog.Feed(t, "radio");
            Assert.IsFalse(dog.Starved(t + 500));
        }
        Assert.IsFalse(dog.Starved(150000));
        Assert.IsTrue(dog.Starved(150001));
        Assert.AreEqual("radio", dog.LastStage);
        dog.Feed(100, "stale");
        Assert.IsTrue(dog.Starved(150001), "a clock going back does not feed it");
    }

    [TestMethod]
    public void LightSleepOnlyWhenTheRadioAndTheHostLinkAreQuiet()
    {
        long now = 1_000_000;
        Assert.AreEqual(3000, SleepPolicy.SleepMs(now, true, false, 0, now + 3000, now + 4000));
        Assert.AreEqual(SleepPolicy.MaxSleepMs, SleepPolicy.SleepMs(now, true, false, 0, now + 60000, now + 60000));
        Assert.AreEqual(0, SleepPolicy.SleepMs(now, false, false, 0, now + 3000, now + 4000), "disabled");
        Assert.AreEqual(0, SleepPolicy.SleepMs(now, true, true, 0, now + 3000, now + 4000), "a frame on air or a channel check");
        Assert.AreEqual(0, SleepPolicy.SleepMs(now, true, false, now - 1000, now + 3000, now + 4000), "a gateway is talking");
        Assert.AreEqual(0, SleepPolicy.SleepMs(now, true, false, 0, now + 100, now + 4000), "the next event is too close");
        Assert.AreEqual(500, SleepPolicy.SleepMs(now, true, false, 0, now + 3000, now + 500), "wake for the LED");
    }
}
