using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Codec;
using Skold.Council;
using Skold.Station;

namespace Skold.Tests.Host;

[TestClass]
public class ClockEntryTests
{
    // 2026-11-29 20:41:30 UTC: the journal's last record. Local time is UTC+1 (KioskSettings default).
    private static readonly uint Last = CivilTime.ToSkoldTime(2026, 11, 29, 20, 41, 30);

    private static ClockEntry Entry(KioskSettings? settings = null) => new(settings ?? Settings(), Last, 3);

    private static KioskSettings Settings()
    {
        var settings = new KioskSettings(3, "Skolan");
        settings.AddOperator(1, KioskSettings.PinHash(3, 1, "1234"));
        return settings;
    }

    private static string Screen(ClockEntry e) => string.Join("\n", Enumerable.Range(0, 4).Select(e.Line));

    private static ClockEntry Type(ClockEntry e, string keys, uint start = 10)
    {
        uint t = start;
        foreach (char key in keys.Replace(" ", ""))
        {
            e.Press(key, ++t);
        }
        return e;
    }

    [TestMethod]
    public void AnOperatorLogsInTypesDateAndTimeAndConfirmsWhatTheScreenSpellsOut()
    {
        ClockEntry e = Entry();
        StringAssert.Contains(Screen(e), "KLOCKAN EJ SATT");
        Type(e, "D 1#1234# 261129#");
        StringAssert.Contains(Screen(e), "Time HHMM, then #");
        Type(e, "2250#", 100);
        StringAssert.Contains(Screen(e), "2026-11-29 22:50");
        StringAssert.Contains(Screen(e), "local time UTC+01:00");
        Assert.IsFalse(e.Finished);
        e.Press('#', 200);
        Assert.IsTrue(e.Finished);
        Assert.AreEqual(1, e.Operator);
        Assert.AreEqual(200u, e.ClockBefore);
        Assert.AreEqual(CivilTime.ToSkoldTime(2026, 11, 29, 21, 50, 0), e.TimeAt(200), "local 22:50 is 21:50 UTC");
        Assert.AreEqual(CivilTime.ToSkoldTime(2026, 11, 29, 21, 50, 30), e.TimeAt(230), "and it runs on with the board's seconds");
    }

    [TestMethod]
    public void ATimeBeforeTheJournalsLastRecordIsRefusedAndTheLastRecordShown()
    {
        ClockEntry e = Type(Entry(), "D 1#1234# 261129# 2140#");
        StringAssert.Contains(Screen(e), "Too early! The last");
        StringAssert.Contains(Screen(e), "2026-11-29 21:41", "the last record in local time");
        Assert.AreEqual(KioskSignal.Refused, e.Signal);
        Type(e, "* 261128# 2359#");
        StringAssert.Contains(Screen(e), "Too early!");
        Type(e, "* 261129# 2141# #");
        Assert.IsTrue(e.Finished, "the minute of the last record is accepted");
        Assert.AreEqual(Last, e.TimeAt(e.ClockBefore), "and starts at the last record's second: time never goes back");
    }

    [TestMethod]
    public void DatesAndTimesThatDoNotExistAreRefused()
    {
        ClockEntry e = Type(Entry(), "D 1#1234#");
        foreach (string date in new[] { "260230", "261301", "261100", "2611", "230101" })
        {
            Type(e, date + "#");
            StringAssert.Contains(Screen(e), "Not a date: YYMMDD", date);
        }
        Type(e, "280229#");
        StringAssert.Contains(Screen(e), "Set the clock 2/2", "2028 is a leap year");
        foreach (string time in new[] { "2400", "1260", "930" })
        {
            Type(e, time + "#");
            StringAssert.Contains(Screen(e), "Not a time: HHMM", time);
        }
        Type(e, "0930# *");
        StringAssert.Contains(Screen(e), "Set the clock 1/2", "* on the confirmation goes back to the date");
        Assert.IsFalse(e.Finished);
    }

    [TestMethod]
    public void WrongPinsLockTheClockScreenLikeTheKiosk()
    {
        KioskSettings settings = Settings();
        ClockEntry e = Type(Entry(settings), "D 7#");
        StringAssert.Contains(Screen(e), "Unknown operator");
        for (int i = 0; i < settings.MaxPinAttempts; i++)
        {
            Type(e, "1#0000#", (uint)(100 + i * 20));
        }
        StringAssert.Contains(Screen(e), "Locked. Wait 5 min");
        Type(e, "1#1234#", 200);
        StringAssert.Contains(Screen(e), "Locked.");
        Type(e, "1#1234# 261129#", 200 + (uint)settings.LockoutSeconds);
        StringAssert.Contains(Screen(e), "Set the clock 2/2");
    }

    [TestMethod]
    public void EveryClockScreenFitsTwentyColumnsInBothLanguages()
    {
        foreach (bool english in new[] { false, true })
        {
            ClockEntry e = Entry();
            string d = english ? "D" : "";
            Type(e, d + "9# 1#0000# 1#1234# 991399# 261129# 2561# 2140# * 261129# 2250# * 261129# 2250# #");
            Assert.IsTrue(e.Finished);
            Assert.AreEqual(0, e.CutLines, english ? "English" : "Swedish");
            Assert.IsTrue(Enumerable.Range(0, 4).All(r => e.Line(r).Length == 20));
        }
        var west = Settings();
        west.UtcOffsetMinutes = -570;
        ClockEntry w = Type(new ClockEntry(west, 0, 0), "1#1234# 261129# 2250#");
        StringAssert.Contains(Screen(w), "UTC-09:30");
        Assert.AreEqual(0, w.CutLines);
    }

    [TestMethod]
    public void TheKioskRecordsWhoSetTheClockThenTheirLogin()
    {
        var h = new KioskHarness();
        h.Login().AddStock().Type("*");
        int before = h.Records().Count;
        uint set = h.Now + 86400;
        h.Kiosk.ClockWasSet(1, 42, set);
        List<JournalRecord> records = h.Records();
        Assert.AreEqual(RecordKind.ClockSet, records[before].Kind);
        Assert.AreEqual(set, records[before].Time);
        Assert.AreEqual(1, records[before].Operator);
        Assert.AreEqual(42u, records[before].Target);
        Assert.AreEqual(RecordKind.Login, records[before + 1].Kind);
        Assert.AreEqual(1, h.Kiosk.Operator);
        Assert.ThrowsExactly<ArgumentException>(() => h.Kiosk.ClockWasSet(1, 0, set - 1), "never behind the journal");
        Assert.ThrowsExactly<ArgumentException>(() => h.Kiosk.ClockWasSet(9, 0, set + 1), "only an operator");
    }

    [TestMethod]
    public void AFullJournalTakesNoClockSetAndSaysSync()
    {
        var h = new KioskHarness(flashSize: 1024);
        h.Login().AddStock();
        while (h.Journal.HasRoomFor(JournalRecord.HeadSize + 5))
        {
            h.Type($"A{KioskHarness.Card(h.Records().Count)}# 3 # *");
        }
        int before = h.Records().Count;
        h.Kiosk.ClockWasSet(1, 0, h.Now + 60);
        StringAssert.Contains(h.Screen, "Sync to the ledger");
        Assert.AreEqual(KioskSignal.Refused, h.Kiosk.Signal);
        Assert.AreEqual(before, h.Records().Count);
    }

    [TestMethod]
    public void AClockSetRecordIsTwentyThreeBytesAndStrictOnDecode()
    {
        JournalRecord record = JournalRecord.ClockSet(1000, 4, 17, JournalRecord.ClockFromKeypad);
        record.Sequence = 9;
        byte[] body = record.EncodeBody();
        Assert.AreEqual(23, body.Length);
        Assert.AreEqual(12, body[0]);
        Assert.AreEqual(17, body[18]);
        Assert.AreEqual(1, body[22]);
        JournalRecord back = JournalRecord.DecodeBody(body, 0, body.Length);
        Assert.AreEqual("clock-set", RecordKind.Name(back.Kind));
        Assert.AreEqual((4, 17u, 1, 1000u), (back.Operator, back.Target, back.Code, back.Time));
        byte[] station = (byte[])body.Clone();
        station[9] = 0;
        Assert.ThrowsExactly<MalformedDataException>(() => JournalRecord.DecodeBody(station, 0, station.Length), "the station itself sets no clock");
        byte[] source = (byte[])body.Clone();
        source[22] = 2;
        Assert.ThrowsExactly<MalformedDataException>(() => JournalRecord.DecodeBody(source, 0, source.Length));
        Assert.ThrowsExactly<MalformedDataException>(() => JournalRecord.DecodeBody(body, 0, body.Length - 1));
    }

    [TestMethod]
    public void CivilTimeAgreesWithDotNetEverywhereSkoldTimeReaches()
    {
        var rng = new Random(5);
        for (int i = 0; i < 2000; i++)
        {
            uint t = (uint)rng.NextInt64(0, 0xfffffffeL);
            DateTime d = DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(t)).UtcDateTime;
            CivilTime.Date(t, out int y, out int m, out int day);
            Assert.AreEqual((d.Year, d.Month, d.Day), (y, m, day));
            Assert.AreEqual(t, CivilTime.ToSkoldTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second));
            Assert.AreEqual(d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek, CivilTime.DayOfWeek(t));
        }
    }
}
