using Skold.Board.Clock;
using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

/// <summary>The ESP32's clock: lost with the power (reads 0), settable.</summary>
public sealed class BoardClockModel : ISystemClock
{
    public uint Time;

    public uint Now() => Time;

    public void Set(uint time) => Time = time;
}

[TestClass]
public class KioskClockTests
{
    private const uint Now = TestCouncil.Now;

    [TestMethod]
    public void ADs3231ThatKeptTimeSetsTheBoardClockAtBoot()
    {
        var chip = new Ds3231Model();
        new Ds3231(chip).Set(Now);
        chip.OnBattery = true;
        chip.Advance(7200);
        var board = new BoardClockModel();
        var clock = new KioskClock(board, new Ds3231(chip));
        Assert.AreEqual(KioskClock.FromRtc, clock.Boot(Now - 86400));
        Assert.AreEqual(Now + 7200, board.Time);
    }

    [TestMethod]
    public void WithoutAValidDs3231TheBoardClockOrTheKeypadDecides()
    {
        var chip = new Ds3231Model();
        var board = new BoardClockModel();
        var clock = new KioskClock(board, new Ds3231(chip));
        Assert.AreEqual(KioskClock.FromNothing, clock.Boot(Now - 86400), "OSF set and the board lost its time");
        StringAssert.Contains(clock.RtcProblem, "OSF");
        board.Time = Now;
        Assert.AreEqual(KioskClock.FromBoard, clock.Boot(Now - 86400), "a restart that kept the time (or SNTP)");
        Assert.AreEqual(Now, new Ds3231(chip).Read(), "and the DS3231 got it");
        Assert.AreEqual(KioskClock.FromNothing, new KioskClock(new BoardClockModel(), null).Boot(Now - 86400), "no DS3231 fitted");
    }

    [TestMethod]
    public void ADs3231BeforeTheCouncilIsIgnored()
    {
        var chip = new Ds3231Model();
        new Ds3231(chip).Set(Now - 10 * 86400);
        var clock = new KioskClock(new BoardClockModel(), new Ds3231(chip));
        Assert.AreEqual(KioskClock.FromNothing, clock.Boot(Now - 86400));
        StringAssert.Contains(clock.RtcProblem, "before the council");
    }

    [TestMethod]
    public void APowerCutWithoutRtcOrWifiIsHealedOnTheKeypadAndRecordedWithWhoSetIt()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation first = KioskStation.Open(p.File, flash, p.RulesOrder(), Now, p.Ed);
        uint t = Now;
        foreach (char key in "1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2#")
        {
            first.Kiosk!.Press(key, ++t);
        }
        uint last = first.Journal!.LastTime;
        int records = (int)first.Journal.Records;

        // Power cut: the ESP32 boots at 1970 (SkoldTime 0), no DS3231 answers, no Wi-Fi.
        var chip = new Ds3231Model { Present = false };
        var board = new BoardClockModel { Time = 0 };
        var clock = new KioskClock(board, new Ds3231(chip));
        Assert.AreEqual(KioskClock.FromNothing, clock.Boot(0));
        KioskStation waiting = KioskStation.Open(p.File, flash, p.RulesOrder(), board.Now(), p.Ed);
        Assert.AreEqual(KioskStation.ClockNotSet, waiting.Problem);
        ClockEntry entry = waiting.ClockEntry!;
        Assert.AreEqual(last, entry.NotBefore);
        Assert.AreEqual(records, (int)new JournalCounter(flash, p).Records, "nothing written while the clock is unknown");

        // The operator types a time an hour after the last record (local time = UTC+1 by default).
        string local = Local(last + 3600);
        foreach (char key in "1#1234#" + local.Substring(0, 6) + "#" + local.Substring(6) + "##")
        {
            board.Time++;
            entry.Press(key, board.Now());
        }
        Assert.IsTrue(entry.Finished);
        board.Time += 2; // the board sets its clock a moment after # (the loop's next pass)
        clock.Set(entry.TimeAt(board.Now()));
        KioskStation running = waiting.ClockSet(board.Now());
        Assert.IsNull(running.Problem, running.Problem);
        Assert.AreEqual(1, running.Kiosk!.Operator, "the operator who set the clock is logged in");
        StringAssert.Contains(running.Kiosk.Line(3), "Klockan ställd");
        Assert.AreEqual(1, running.Book!.HandOuts, "the journal was replayed");

        var all = new RecordCollector();
        Assert.IsTrue(JournalScan.Run(flash, p.Ed, all).Valid);
        JournalRecord set = all.Items[records];
        Assert.AreEqual(RecordKind.ClockSet, set.Kind);
        Assert.AreEqual(1, set.Operator);
        Assert.AreEqual(last + 3600 - (last + 3600) % 60 + 2, set.Time, "the typed minute, confirmed with #, plus the 2 s the board counted since");
        Assert.AreEqual(entry.ClockBefore, set.Target, "what the lost clock read when # was pressed");
        Assert.IsTrue(set.Target < 100, "SkoldTime near 0: the ESP32 booted at 1970");
        Assert.AreEqual(RecordKind.Login, all.Items[records + 1].Kind);
    }

    [TestMethod]
    public void AClockBehindTheJournalAtBootAsksForTheTimeInsteadOfRefusingEveryRecord()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation first = KioskStation.Open(p.File, flash, p.RulesOrder(), Now + 7200, p.Ed);
        Assert.IsNull(first.Problem);
        KioskStation behind = KioskStation.Open(p.File, flash, p.RulesOrder(), Now, p.Ed);
        Assert.AreEqual(KioskStation.ClockBehindJournal, behind.Problem);
        Assert.AreEqual(Now + 7200, behind.ClockEntry!.NotBefore);
        Assert.IsTrue(behind.ProblemLines.All(l => l.Length <= 20));
    }

    [TestMethod]
    public void AFreshKioskWithoutTimeOpensItsJournalOnlyOnceTheClockIsSet()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation waiting = KioskStation.Open(p.File, flash, p.RulesOrder(), 0, p.Ed);
        ClockEntry entry = waiting.ClockEntry!;
        uint board = 5;
        string local = Local(Now);
        foreach (char key in "1#1234#" + local.Substring(0, 6) + "#" + local.Substring(6) + "##")
        {
            entry.Press(key, ++board);
        }
        KioskStation running = waiting.ClockSet(entry.TimeAt(board));
        var all = new RecordCollector();
        Assert.IsTrue(JournalScan.Run(flash, p.Ed, all).Valid);
        CollectionAssert.AreEqual(new[] { RecordKind.Opened, RecordKind.ClockSet, RecordKind.Login, RecordKind.OrderApplied }, all.Items.Select(r => r.Kind).ToArray());
        Assert.IsTrue(all.Items[0].Time >= Now - Now % 60, "opened at the time set, not at 1970");
        Assert.AreEqual(1, running.Kiosk!.Operator);
        Assert.IsNull(running.RulesProblem, running.RulesProblem);
        Assert.IsNotNull(running.Book!.Rules, "the rules on flash are in force");
    }

    // YYMMDDHHMM in the station's local time (KioskSettings.UtcOffsetMinutes, 60 by default).
    private static string Local(uint time)
    {
        DateTime t = DateTimeOffset.FromUnixTimeSeconds(Skold.Council.SkoldTime.ToUnixSeconds(time) + 3600).UtcDateTime;
        return t.ToString("yyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class RecordCollector : IJournalReader
    {
        public readonly List<JournalRecord> Items = [];

        public void Read(JournalRecord journalRecord) => Items.Add(journalRecord);
    }

    private sealed class JournalCounter(IJournalStorage flash, ProvisionedKiosk p)
    {
        public uint Records => JournalScan.Run(flash, p.Ed, null).Records;
    }
}

[TestClass]
public class ClockSettingTests
{
    [TestMethod]
    public void OnThePanelAnOperatorSetsTheClockAndTheRtcKeepsItForTheNextPowerCut()
    {
        var p = new ProvisionedKiosk();
        var flash = new MemoryJournalStorage(65536);
        KioskStation first = KioskStation.Open(p.File, flash, p.RulesOrder(), TestCouncil.Now, p.Ed);
        Assert.IsNull(first.Problem);
        uint last = first.Journal!.LastTime;

        // Power cut; a DS3231 is fitted but its coin cell was flat (OSF set).
        var chip = new Ds3231Model();
        var board = new BoardClockModel();
        var clock = new KioskClock(board, new Ds3231(chip));
        Assert.AreEqual(KioskClock.FromNothing, clock.Boot(0));
        KioskStation waiting = KioskStation.Open(p.File, flash, p.RulesOrder(), board.Now(), p.Ed);
        var keys = new KeypadMatrix();
        var screen = new Hd44780Model();
        var setting = new ClockSetting(waiting, clock, board, new KeypadScanner(keys, KeypadLayout.Standard, KeypadScanner.DefaultStableScans),
            new Hd44780(screen), new SignalPlayer(new SignalRecorder()));
        setting.Start();
        StringAssert.StartsWith(screen.Row(0), "KLOCKAN EJ SATT");
        long ms = 0;
        DateTime local = DateTimeOffset.FromUnixTimeSeconds(Skold.Council.SkoldTime.ToUnixSeconds(last + 600) + 3600).UtcDateTime;
        foreach (char key in "1#1234#" + local.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "#"
            + local.ToString("HHmm", System.Globalization.CultureInfo.InvariantCulture) + "#")
        {
            keys.Press(key);
            for (int i = 0; i < 8; i++, ms += 10)
            {
                setting.Step(ms);
            }
            keys.Release(key);
            for (int i = 0; i < 8; i++, ms += 10)
            {
                setting.Step(ms);
            }
        }
        StringAssert.StartsWith(screen.Row(0), "Stämmer det?");
        StringAssert.StartsWith(screen.Row(1), local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsNull(setting.Started);
        keys.Press('#');
        for (int i = 0; i < 8; i++, ms += 10)
        {
            setting.Step(ms);
        }
        KioskStation running = setting.Started!;
        Assert.IsNull(running.Problem, running.Problem);
        Assert.AreEqual(1, running.Kiosk!.Operator);
        uint set = last + 600 - (last + 600) % 60;
        Assert.AreEqual(set, board.Time, "the board's clock took the typed time");
        Assert.AreEqual(set, new Ds3231(chip).Read(), "and so did the DS3231, OSF cleared");
        CollectionAssert.AreEqual(Array.Empty<string>(), screen.Violations);

        // The next power cut: the DS3231 kept counting on its (new) coin cell, nobody types anything.
        chip.OnBattery = true;
        chip.Advance(3 * 3600);
        var board2 = new BoardClockModel();
        Assert.AreEqual(KioskClock.FromRtc, new KioskClock(board2, new Ds3231(chip)).Boot(0));
        KioskStation again = KioskStation.Open(p.File, flash, p.RulesOrder(), board2.Now(), p.Ed);
        Assert.IsNull(again.Problem, again.Problem);
        Assert.IsNull(again.ClockEntry);
    }
}
