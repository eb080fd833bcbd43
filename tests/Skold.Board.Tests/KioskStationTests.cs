using Skold.Board.Kiosk;
using Skold.Provisioning;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

[TestClass]
public class KioskStationTests
{
    private const uint Now = TestCouncil.Now;

    [TestMethod]
    public void AProvisionedKioskRunsWithItsNameOperatorsAndRules()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation station = KioskStation.Open(p.File, flash, p.RulesOrder(), Now, p.Ed);
        Assert.IsNull(station.Problem, station.Problem);
        Assert.IsNull(station.RulesProblem, station.RulesProblem);
        StringAssert.Contains(station.Kiosk!.Line(0), "Station 3 Östra Äng");
        Assert.IsNotNull(station.Book!.Rules);
        foreach (char key in "1#1234#")
        {
            station.Kiosk.Press(key, Now + 1);
        }
        Assert.AreEqual(1, station.Kiosk.Operator);
        // Records: opened, rules applied, login.
        Assert.AreEqual(3u, station.Journal!.Records);
    }

    [TestMethod]
    public void AMissingProvisioningFileRefusesAndSaysWhatToDo()
    {
        KioskStation station = KioskStation.Open(null, new MemoryJournalStorage(4096), null, Now, new Skold.Crypto.Ed25519());
        Assert.IsNull(station.Kiosk);
        string[] screen = station.ProblemLines;
        Assert.AreEqual("EJ REDO/NOT READY", screen[0]);
        Assert.AreEqual("not provisioned: run", screen[1]);
        Assert.AreEqual("skold provision and", screen[2]);
        Assert.AreEqual("deploy the file", screen[3]);
    }

    [TestMethod]
    public void ADamagedProvisioningFileRefusesWithTheCrcReasonAndLeavesTheFlashAlone()
    {
        var p = new ProvisionedKiosk();
        byte[] file = p.File;
        file[40] ^= 0x10;
        var flash = new MemoryJournalStorage(4096);
        KioskStation station = KioskStation.Open(file, flash, null, Now, p.Ed);
        StringAssert.Contains(station.Problem, "CRC");
        var cells = new byte[4096];
        flash.Read(0, cells, 0, cells.Length);
        Assert.IsTrue(cells.All(b => b == 0xff), "nothing written to the journal");
    }

    [TestMethod]
    public void AKioskTheCouncilDidNotRegisterRefuses()
    {
        var p = new ProvisionedKiosk();
        p.Provisioning.DeviceSeed = Enumerable.Repeat((byte)1, 32).ToArray();
        KioskStation station = KioskStation.Open(p.File, new MemoryJournalStorage(4096), null, Now, p.Ed);
        StringAssert.Contains(station.Problem, "not registered");
        Assert.IsTrue(station.ProblemLines.All(l => l.Length <= 20));
    }

    [TestMethod]
    public void ARelayProvisioningIsNotAKiosk()
    {
        var p = new ProvisionedKiosk();
        p.Provisioning.Role = DeviceProvisioning.RoleRelay;
        KioskStation station = KioskStation.Open(p.File, new MemoryJournalStorage(4096), null, Now, p.Ed);
        StringAssert.Contains(station.Problem, "relay");
    }

    [TestMethod]
    public void AnotherStationsJournalRefusesAndIsNotTouched()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation.Open(p.File, flash, null, Now, p.Ed);
        byte[] before = new byte[flash.Size];
        flash.Read(0, before, 0, before.Length);
        var other = new ProvisionedKiosk();
        other.Provisioning.CrisisKey = Enumerable.Repeat((byte)8, 32).ToArray();
        KioskStation station = KioskStation.Open(other.File, flash, null, Now + 10, p.Ed);
        StringAssert.StartsWith(station.Problem, "journal:");
        byte[] after = new byte[flash.Size];
        flash.Read(0, after, 0, after.Length);
        CollectionAssert.AreEqual(before, after);
    }

    [TestMethod]
    public void ARulesOrderWithTooFewSignaturesIsNotPutInForceButTheKioskRuns()
    {
        var p = new ProvisionedKiosk();
        byte[] weak = p.Council.Rules(2, 2, [0]).Encode();
        KioskStation station = KioskStation.Open(p.File, new MemoryJournalStorage(65536), weak, Now, p.Ed);
        Assert.IsNull(station.Problem);
        StringAssert.Contains(station.RulesProblem, "not accepted");
        Assert.IsNull(station.Book!.Rules);
    }

    [TestMethod]
    public void AnOlderRulesOrderHeardLaterIsRefusedBySequence()
    {
        var p = new ProvisionedKiosk();
        KioskStation station = KioskStation.Open(p.File, new MemoryJournalStorage(65536), p.RulesOrder(sequence: 5, food: 3), Now, p.Ed);
        Assert.IsNull(station.RulesProblem);
        Assert.IsNotNull(station.ApplyRules(p.RulesOrder(sequence: 4, food: 9), Now + 5));
        Assert.AreEqual(3, station.Book!.Rules!.Find(Skold.Council.ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
    }

    [TestMethod]
    public void ARebootReplaysTheJournalAndKeepsCounting()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation first = KioskStation.Open(p.File, flash, p.RulesOrder(), Now, p.Ed);
        uint t = Now;
        foreach (char key in "1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2#")
        {
            first.Kiosk!.Press(key, ++t);
        }
        Assert.AreEqual(1, first.Book!.HandOuts);
        KioskStation second = KioskStation.Open(p.File, flash, p.RulesOrder(), t + 60, p.Ed);
        Assert.IsNull(second.Problem, second.Problem);
        Assert.AreEqual(1, second.Book!.HandOuts);
        Assert.AreEqual(49, second.Book.Stock(Skold.Council.ItemRule.FoodParcel));
        Assert.AreEqual(first.Journal!.Records, second.Journal!.Records, "the same rules are not recorded twice");
    }

    [TestMethod]
    public void AClockThatLostItsTimeOpensNothingAndSaysSo()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(4096);
        KioskStation station = KioskStation.Open(p.File, flash, null, 0, p.Ed);
        Assert.AreEqual(KioskStation.ClockNotSet, station.Problem);
        var cells = new byte[flash.Size];
        flash.Read(0, cells, 0, cells.Length);
        Assert.IsTrue(cells.All(b => b == 0xff), "no opened record with a wrong time");
        Assert.IsTrue(station.ProblemLines.All(l => l.Length <= 20));
    }

    [TestMethod]
    public void AKioskOnTheAmateurBandSendsNoReports()
    {
        var p = new ProvisionedKiosk();
        KioskStation eu = KioskStation.Open(p.File, new MemoryJournalStorage(65536), null, Now, p.Ed);
        Assert.IsNull(eu.ReportProblem);
        p.Provisioning.Amateur = true;
        p.Provisioning.Callsign = "SA0ABC";
        p.Provisioning.FrequencyHz = 433_775_000;
        KioskStation ham = KioskStation.Open(p.File, new MemoryJournalStorage(65536), null, Now, p.Ed);
        Assert.IsNull(ham.Problem, ham.Problem);
        StringAssert.Contains(ham.ReportProblem, "amateur band");
    }
}
