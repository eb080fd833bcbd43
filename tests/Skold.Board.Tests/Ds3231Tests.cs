using Skold.Board.Clock;
using Skold.Board.Tests.Models;
using Skold.Council;

namespace Skold.Board.Tests;

[TestClass]
public class Ds3231Tests
{
    private static uint At(int y, int mo, int d, int h, int mi, int s)
        => SkoldTime.FromUnixSeconds(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).ToUnixTimeSeconds());

    [TestMethod]
    public void AFreshChipHasOscillatorStoppedAndIsNotTrusted()
    {
        var chip = new Ds3231Model();
        uint time = new Ds3231(chip).Read(out string? problem);
        Assert.AreEqual(0u, time);
        StringAssert.Contains(problem, "OSF");
    }

    [TestMethod]
    public void SetWritesBcdIn24HourModeAndClearsOsf()
    {
        var chip = new Ds3231Model();
        var rtc = new Ds3231(chip);
        Assert.IsTrue(rtc.Set(At(2026, 11, 29, 21, 5, 37)));
        CollectionAssert.AreEqual(new byte[] { 0x37, 0x05, 0x21, 7, 0x29, 0x11, 0x26 }, chip.Registers[0..7], "2026-11-29 was a Sunday (ISO 7)");
        Assert.AreEqual(0, chip.Registers[0x0F] & 0x80);
        Assert.AreEqual(0x08, chip.Registers[0x0F], "EN32kHz left as it was");
        Assert.AreEqual(At(2026, 11, 29, 21, 5, 37), rtc.Read());
    }

    [TestMethod]
    public void ItKeepsCountingAcrossMonthsYearsAndTheLeapDay()
    {
        var chip = new Ds3231Model();
        var rtc = new Ds3231(chip);
        rtc.Set(At(2028, 2, 28, 23, 59, 50));
        chip.Advance(20);
        Assert.AreEqual(At(2028, 2, 29, 0, 0, 10), rtc.Read());
        rtc.Set(At(2099, 12, 31, 23, 59, 59));
        chip.Advance(2);
        Assert.AreEqual(0x80, chip.Registers[0x05] & 0x80, "the century bit toggles at 99 -> 00");
        Assert.AreEqual(At(2100, 1, 1, 0, 0, 1), rtc.Read());
    }

    [TestMethod]
    public void EveryMomentRoundTripsThroughTheRegisters()
    {
        var chip = new Ds3231Model();
        var rtc = new Ds3231(chip);
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            uint t = (uint)random.NextInt64(0, (long)At(2159, 12, 31, 23, 59, 59));
            Assert.IsTrue(rtc.Set(t));
            Assert.AreEqual(t, rtc.Read(), $"{t}");
            Assert.AreEqual(t, CivilTime.ToSkoldTime(2000 + Ds3231Model.FromBcd(chip.Registers[6]) + ((chip.Registers[5] & 0x80) != 0 ? 100 : 0),
                Ds3231Model.FromBcd(chip.Registers[5] & 0x1F), Ds3231Model.FromBcd(chip.Registers[4]), Ds3231Model.FromBcd(chip.Registers[2]),
                Ds3231Model.FromBcd(chip.Registers[1]), Ds3231Model.FromBcd(chip.Registers[0])));
        }
    }

    [TestMethod]
    public void TwelveHourModeSetElsewhereIsRead()
    {
        var chip = new Ds3231Model();
        var rtc = new Ds3231(chip);
        rtc.Set(At(2026, 1, 2, 0, 0, 0));
        chip.Registers[2] = 0x40 | 0x20 | 0x11; // 11 PM
        Assert.AreEqual(At(2026, 1, 2, 23, 0, 0), rtc.Read());
        chip.Registers[2] = 0x40 | 0x12; // 12 AM
        Assert.AreEqual(At(2026, 1, 2, 0, 0, 0), rtc.Read());
    }

    [TestMethod]
    public void AStoppedOscillatorAnAbsentChipOrGarbageIsNotTrusted()
    {
        var chip = new Ds3231Model();
        var rtc = new Ds3231(chip);
        rtc.Set(At(2026, 5, 1, 12, 0, 0));
        chip.OscillatorStops();
        StringAssert.Contains(Problem(rtc), "OSF");
        rtc.Set(At(2026, 5, 1, 12, 0, 0));
        chip.Registers[4] = 0x31;
        chip.Registers[5] = 0x02; // 31 February
        StringAssert.Contains(Problem(rtc), "no valid date");
        chip.Registers[5] = 0x0A; // not BCD
        StringAssert.Contains(Problem(rtc), "no valid date");
        rtc.Set(At(2023, 12, 31, 0, 0, 0) + 0); // clamps: SkoldTime 0 is 2024-01-01
        chip.Registers[6] = 0x23;
        StringAssert.Contains(Problem(rtc), "no valid date");
        chip.Present = false;
        StringAssert.Contains(Problem(rtc), "no DS3231");
        Assert.IsFalse(rtc.Set(At(2026, 5, 1, 12, 0, 0)));
    }

    [TestMethod]
    public void SetRestartsAnOscillatorSwitchedOffOnBattery()
    {
        var chip = new Ds3231Model();
        chip.Registers[0x0E] = 0x9C;
        var rtc = new Ds3231(chip) ;
        rtc.Set(At(2026, 5, 1, 12, 0, 0));
        Assert.AreEqual(0x1C, chip.Registers[0x0E]);
        chip.OnBattery = true;
        chip.Advance(3600);
        Assert.AreEqual(At(2026, 5, 1, 13, 0, 0), rtc.Read());
    }

    private static string? Problem(Ds3231 rtc)
    {
        Assert.AreEqual(0u, rtc.Read(out string? problem));
        return problem;
    }
}
