using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Tests.Host;

/// <summary>A kiosk on simulated flash with practice rules: battery packs 2 a day (1 out at once, 1 exception), food 2 a day (1 exception), water 6 (none).</summary>
public sealed class KioskHarness
{
    public const uint Start = 100000000;
    public readonly Ed25519 Ed = new();
    public readonly SimulatedFlash Flash;
    public readonly KioskSettings Settings = new(3, "Skolan");
    public readonly HouseholdCard Cards = new(Enumerable.Repeat((byte)7, 32).ToArray());
    public readonly Ed25519PrivateKey StationKey = new Ed25519().CreatePrivateKey(Enumerable.Repeat((byte)9, 32).ToArray());
    public readonly byte[] CouncilId = new byte[32];
    public DistributionBook Book = null!;
    public Journal Journal = null!;
    public Kiosk Kiosk = null!;
    public uint Now = Start + 3600;

    public static readonly DistributionRulesBody Rules = new(24,
    [
        new ItemRule(ItemRule.BatteryPack, null, 2, 1, 1),
        new ItemRule(ItemRule.FoodParcel, null, 2, 0, 1),
        new ItemRule(ItemRule.Water, null, 6, 0, 0),
    ]);

    public KioskHarness(int flashSize = 65536, uint expires = Start + 7 * 86400)
    {
        Flash = new SimulatedFlash(flashSize);
        Settings.AddOperator(1, KioskSettings.PinHash(3, 1, "1234"));
        Settings.AddOperator(2, KioskSettings.PinHash(3, 2, "5678"));
        Boot(expires);
    }

    public void Boot(uint expires = Start + 7 * 86400)
    {
        Book = new DistributionBook(2);
        Book.SetRules(Rules, Start, expires);
        Journal = Journal.Open(Flash, Ed, StationKey, 3, CouncilId, Cards.KeyId, Now, Journal.DefaultCheckpointInterval, Book);
        Kiosk = new Kiosk(Settings, Journal, Book, Cards, Now);
        Kiosk.Press('D', Now);
    }

    public static string Card(int n)
    {
        string stem = (200000 + n).ToString();
        return stem + HouseholdCard.CheckDigit(stem);
    }

    /// <summary>Presses keys one second apart; spaces are ignored so scripts read well.</summary>
    public KioskHarness Type(string keys)
    {
        foreach (char key in keys)
        {
            if (key != ' ')
            {
                Now++;
                Kiosk.Press(key, Now);
            }
        }
        return this;
    }

    public KioskHarness Login(int op = 1) => Type(op == 1 ? "1#1234#" : "2#5678#");

    public KioskHarness AddStock() => Type("C 1 50# * C 2 50# * C 3 50# *");

    public string Screen => string.Join("\n", Enumerable.Range(0, 4).Select(Kiosk.Line));

    public List<JournalRecord> Records()
    {
        var records = new RecordList();
        JournalScan scan = JournalScan.Run(Flash, Ed, records);
        Assert.IsTrue(scan.Valid, scan.Error);
        return records.Items;
    }

    private sealed class RecordList : IJournalReader
    {
        public readonly List<JournalRecord> Items = [];

        public void Read(JournalRecord record) => Items.Add(record);
    }
}

[TestClass]
public class KioskTests
{
    [TestMethod]
    public void AShiftLogsInHandsOutAndLogsOutWithEveryStepInTheJournal()
    {
        var h = new KioskHarness();
        StringAssert.Contains(h.Screen, "Operator no, then #");
        h.Login();
        StringAssert.Contains(h.Screen, "A Hand out");
        h.AddStock().Type("A" + KioskHarness.Card(1) + "#");
        StringAssert.Contains(h.Screen, "Food parcel");
        StringAssert.Contains(h.Screen, "0/2");
        h.Type("2 #");
        StringAssert.Contains(h.Screen, "Handed out:");
        StringAssert.Contains(h.Screen, "1 x Food parcel");
        StringAssert.Contains(h.Screen, "Left this period: 1");
        Assert.AreEqual(KioskSignal.Done, h.Kiosk.Signal);
        Assert.AreEqual(KioskSignal.GreenLed, h.Kiosk.Leds);
        h.Type("* *");
        StringAssert.Contains(h.Screen, "Logged out");
        List<JournalRecord> records = h.Records();
        CollectionAssert.AreEqual(
            new[] { RecordKind.Opened, RecordKind.Login, RecordKind.StockReceived, RecordKind.StockReceived, RecordKind.StockReceived, RecordKind.HandOut, RecordKind.Logout, RecordKind.Checkpoint },
            records.Select(r => r.Kind).ToArray());
        JournalRecord handOut = records[5];
        Assert.AreEqual(1, handOut.Operator);
        Assert.AreEqual(ItemRule.FoodParcel, handOut.Item);
        CollectionAssert.AreEqual(h.Cards.Pseudonym(KioskHarness.Card(1)), handOut.Household);
        Assert.AreEqual(49, h.Book.Stock(ItemRule.FoodParcel));
    }

    [TestMethod]
    public void FiveWrongPinsLockTheKeypadForFiveMinutes()
    {
        var h = new KioskHarness();
        h.Type("1#");
        for (int i = 0; i < 4; i++)
        {
            h.Type("0000#");
            StringAssert.Contains(h.Screen, "Wrong PIN");
            Assert.AreEqual(KioskSignal.Refused, h.Kiosk.Signal);
        }
        h.Type("0000#");
        StringAssert.Contains(h.Screen, "Locked. Wait 5 min");
        h.Login();
        Assert.AreEqual(0, h.Kiosk.Operator, "the right PIN does not help while locked");
        h.Now += 300;
        h.Login();
        Assert.AreEqual(1, h.Kiosk.Operator);
        Assert.AreEqual(0, h.Records().Count(r => r.Kind == RecordKind.Login && r.Time < h.Now - 20));
    }

    [TestMethod]
    public void AnUnknownOperatorAndABadCardNumberSayWhatToDo()
    {
        var h = new KioskHarness();
        h.Type("9#");
        StringAssert.Contains(h.Screen, "Unknown operator");
        h.Login().Type("A 1234567#");
        StringAssert.Contains(h.Screen, "Bad card no. Retype");
        Assert.AreEqual(KioskSignal.Refused, h.Kiosk.Signal);
    }

    [TestMethod]
    public void AtTheQuotaTwoNeighboursCanVouchOnceAndItIsRecordedAsAnException()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"A{card}# 2 2#");
        h.Type($"# {card}# 2 #");
        StringAssert.Contains(h.Screen, "Quota reached:");
        StringAssert.Contains(h.Screen, "Food parcel 2/2");
        StringAssert.Contains(h.Screen, "A: neighbours vouch");
        Assert.AreEqual(KioskSignal.Refused, h.Kiosk.Signal);
        h.Type($"A {KioskHarness.Card(2)}# {KioskHarness.Card(3)}#");
        StringAssert.Contains(h.Screen, "Exception given:");
        JournalRecord exception = h.Records().Single(r => r.Kind == RecordKind.Exception);
        CollectionAssert.AreEqual(h.Cards.Pseudonym(KioskHarness.Card(2)), exception.Neighbour1);
        CollectionAssert.AreEqual(h.Cards.Pseudonym(KioskHarness.Card(3)), exception.Neighbour2);
        // One exception per period: the next refusal offers none.
        h.Type($"# {card}# 2 #");
        StringAssert.Contains(h.Screen, "Quota reached:");
        Assert.IsFalse(h.Screen.Contains("neighbours vouch"));
        h.Type("A");
        StringAssert.Contains(h.Screen, "Quota reached:");
    }

    [TestMethod]
    public void AHouseholdCannotVouchForItselfNorCountTheSameNeighbourTwice()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"A{card}# 2 2#").Type($"# {card}# 2 # A");
        h.Type($"{card}#");
        StringAssert.Contains(h.Screen, "Needs another home");
        h.Type($"{KioskHarness.Card(2)}# {KioskHarness.Card(2)}#");
        StringAssert.Contains(h.Screen, "Needs another home");
        Assert.AreEqual(0, h.Records().Count(r => r.Kind == RecordKind.Exception));
    }

    [TestMethod]
    public void ANeighbourVouchesAtMostTheSetNumberOfTimesADay()
    {
        var h = new KioskHarness();
        h.Login().AddStock();
        string neighbour = KioskHarness.Card(50);
        for (int i = 1; i <= 3; i++)
        {
            string card = KioskHarness.Card(i);
            h.Type($"A{card}# 2 2#").Type($"# {card}# 2 # A {neighbour}#");
            if (i <= 2)
            {
                h.Type($"{KioskHarness.Card(60 + i)}#");
                StringAssert.Contains(h.Screen, "Exception given:");
                h.Type("*");
            }
        }
        StringAssert.Contains(h.Screen, "Vouched enough today");
        h.Now += 86400;
        // A day later the same neighbour may vouch again (and the household's quota is new).
        Assert.IsTrue(h.Book.MayVouch(h.Cards.Pseudonym(neighbour), h.Now));
    }

    [TestMethod]
    public void ExpiredRulesRefuseEveryHandOut()
    {
        var h = new KioskHarness(expires: KioskHarness.Start + 7200);
        h.Login().AddStock();
        h.Now = KioskHarness.Start + 7200;
        h.Type($"A{KioskHarness.Card(1)}# 2 #");
        StringAssert.Contains(h.Screen, "The rules expired");
        Assert.IsFalse(h.Screen.Contains("vouch"));
        Assert.AreEqual(0, h.Records().Count(r => r.Kind == RecordKind.HandOut));
    }

    [TestMethod]
    public void ABatteryPackMustComeBackBeforeTheNextGoesOut()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"A{card}# 1 #").Type($"# {card}# 1 #");
        StringAssert.Contains(h.Screen, "Return one first:");
        h.Type($"* B {card}#");
        StringAssert.Contains(h.Screen, "Battery pack");
        h.Type("#");
        StringAssert.Contains(h.Screen, "Returned:");
        StringAssert.Contains(h.Screen, "Still out: 0");
        h.Type($"* A {card}# 1 #");
        StringAssert.Contains(h.Screen, "Handed out:");
        Assert.AreEqual(49, h.Book.Stock(ItemRule.BatteryPack));
        Assert.AreEqual(1, h.Book.TotalOut(ItemRule.BatteryPack));
    }

    [TestMethod]
    public void TheLastHandOutCanBeUndoneWithinTheWindowAsACorrection()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"A{card}# 2 2#").Type("* D 1");
        StringAssert.Contains(h.Screen, "Undo hand-out?");
        StringAssert.Contains(h.Screen, "2 x Food parcel");
        h.Type("#");
        StringAssert.Contains(h.Screen, "Undone:");
        Assert.AreEqual(50, h.Book.Stock(ItemRule.FoodParcel));
        Assert.AreEqual(0, h.Book.Taken(h.Cards.Pseudonym(card), ItemRule.FoodParcel, h.Now));
        List<JournalRecord> records = h.Records();
        JournalRecord undo = records.Single(r => r.Kind == RecordKind.Undo);
        Assert.AreEqual(records.Single(r => r.Kind == RecordKind.HandOut).Sequence, undo.Target, "the hand-out stays; the undo points at it");
        h.Type("# D 1");
        StringAssert.Contains(h.Screen, "Nothing to undo");
        h.Type($"* A {card}# 2 #");
        h.Now += 121;
        h.Type("* D 1");
        StringAssert.Contains(h.Screen, "Nothing to undo");
    }

    [TestMethod]
    public void AfterARebootTheQuotasAreRebuiltFromTheJournal()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"A{card}# 2 2#");
        h.Boot();
        h.Login().Type($"A{card}# 2 #");
        StringAssert.Contains(h.Screen, "Quota reached:");
        Assert.AreEqual(48, h.Book.Stock(ItemRule.FoodParcel));
        h.Now += 86400;
        h.Type($"* A {card}# 2 #");
        StringAssert.Contains(h.Screen, "Handed out:", "a new period of the rules");
    }

    [TestMethod]
    public void AnIdleOperatorIsLoggedOut()
    {
        var h = new KioskHarness();
        h.Login();
        h.Kiosk.Tick(h.Now + 899);
        Assert.AreEqual(1, h.Kiosk.Operator);
        h.Kiosk.Tick(h.Now + 900);
        Assert.AreEqual(0, h.Kiosk.Operator);
        StringAssert.Contains(h.Screen, "Logged out: idle");
        Assert.AreEqual(RecordKind.Checkpoint, h.Records()[^1].Kind);
    }

    [TestMethod]
    public void AFullJournalWarnsFirstThenRefusesWithWhatToDo()
    {
        var h = new KioskHarness(flashSize: 1600);
        h.Login().AddStock();
        int i = 0;
        while (i < 40)
        {
            h.Type($"A{KioskHarness.Card(i++)}# 3 #");
            if (h.Screen.Contains("journal is full"))
            {
                break;
            }
            StringAssert.Contains(h.Screen, "Handed out:");
            Assert.AreEqual(h.Journal.NearlyFull ? KioskSignal.Warning : KioskSignal.Done, h.Kiosk.Signal);
            h.Type("*");
        }
        StringAssert.Contains(h.Screen, "Sync to the ledger");
        Assert.AreEqual(KioskSignal.Refused, h.Kiosk.Signal);
        h.Kiosk.Shutdown(h.Now);
        JournalScan scan = JournalScan.Run(h.Flash, h.Ed, null);
        Assert.IsTrue(scan.Valid, scan.Error);
        Assert.AreEqual(scan.Records, scan.CheckpointedRecords + 1, "there was room to sign the head");
    }

    [TestMethod]
    public void EveryScreenFitsTwentyColumnsInBothLanguages()
    {
        foreach (bool swedish in new[] { false, true })
        {
            var h = new KioskHarness();
            if (swedish)
            {
                h.Kiosk.Press('D', h.Now);
            }
            string card = KioskHarness.Card(1);
            h.Type("9# 1#0000# ").Login().AddStock()
                .Type($"A 12345# {card}# 2 2# # {card}# 2 # A {card}# {KioskHarness.Card(2)}# {KioskHarness.Card(3)}# *")
                .Type($"A{card}# 1 # # {card}# 1 # * B {card}# # * D 1 # D 2 1 40# * D 3 * * C D 1 5# *")
                .Type("D 1 * * *");
            Assert.AreEqual(0, h.Kiosk.CutLines, swedish ? "Swedish" : "English");
            Assert.IsTrue(Enumerable.Range(0, 4).All(r => h.Kiosk.Line(r).Length == 20));
        }
    }

    [TestMethod]
    public void AStationReportFitsOneFrameCarriesNoHouseholdAndSurvivesEncoding()
    {
        var h = new KioskHarness();
        h.Login().AddStock().Type($"A{KioskHarness.Card(1)}# 1 # # {KioskHarness.Card(2)}# 2 2#");
        StationReport report = StationReport.From(h.Book, h.Journal.Records, 3712, h.Now);
        byte[] body = report.Encode();
        Assert.IsTrue(body.Length <= StationReportSignature.MaxBody, $"{body.Length} bytes");
        StationReport back = StationReport.Decode(body, 0, body.Length);
        Assert.AreEqual(2, back.HouseholdsServed);
        Assert.AreEqual(2, back.HandOuts);
        Assert.AreEqual(3712, back.BatteryMillivolts);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, back.ItemCodes);
        CollectionAssert.AreEqual(new[] { 49, 48, 50 }, back.Stock);
        CollectionAssert.AreEqual(new[] { 1, 0, 0 }, back.LentOut);
        foreach (int cut in Enumerable.Range(0, body.Length))
        {
            Assert.ThrowsExactly<Skold.Codec.MalformedDataException>(() => StationReport.Decode(body, 0, cut));
        }

        // Sealed with the station's key, as registered by the council, it is what relays forward.
        var council = new TestCouncil();
        var update = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 60, 600,
            new RegistryUpdateBody([RegistryOperation.Station(3, h.StationKey.GetPublicKey())]));
        CouncilRegistry registry = council.Registry.Apply((RegistryUpdateBody)update.Body, 1);
        byte[] sealedReport = StationReportSignature.Seal(registry, 3, body, h.StationKey, h.Ed);
        Assert.IsTrue(StationReportSignature.Verify(registry, sealedReport, h.Ed));
        Assert.IsTrue(sealedReport.Length + 9 <= 255, "one frame with its header");
        sealedReport[5] ^= 1;
        Assert.IsFalse(StationReportSignature.Verify(registry, sealedReport, h.Ed));
    }
}

[TestClass]
public class KioskReviewTests
{
    [TestMethod]
    public void NewRulesWhoseFirstPeriodStartedEarlierStillCountWhatWasTaken()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Now = KioskHarness.Start + 25 * 3600;
        h.Login().AddStock().Type($"A{card}# 2 # *").Type($"A{card}# 2 # *");
        var rules = new Order(OrderKind.DistributionRules, 2, KioskHarness.Start + 20 * 3600, 7 * 24 * 60, KioskHarness.Rules);
        Assert.IsTrue(h.Kiosk.ApplyRules(rules, h.Now));
        for (int i = 0; i < 6; i++)
        {
            h.Type($"A{card}# 2 # *");
        }
        Assert.AreEqual(2, h.Records().Count(r => r.Kind == RecordKind.HandOut), "the two parcels of this period still count");
        Assert.AreEqual(1, h.Records().Count(r => r.Kind == RecordKind.OrderApplied));
    }

    [TestMethod]
    public void AClockBehindTheJournalRecordsNothingAndSaysSo()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock();
        int before = h.Records().Count;
        h.Now -= 3600;
        h.Type($"A{card}# 2 #");
        StringAssert.Contains(h.Screen, "Clock wrong");
        Assert.AreEqual(before, h.Records().Count);
        Assert.IsFalse(h.Screen.Contains("Handed out"));
    }

    [TestMethod]
    public void AStockCountFarFromTheBookIsRecordedInSeveralCorrections()
    {
        var h = new KioskHarness();
        h.Login().Type("D 2 1 40000#");
        StringAssert.Contains(h.Screen, "Stock corrected:");
        Assert.AreEqual(40000, h.Book.Stock(ItemRule.BatteryPack));
        Assert.AreEqual(2, h.Records().Count(r => r.Kind == RecordKind.StockCorrection));
    }

    [TestMethod]
    public void UndoingAReturnOfAPackLentElsewhereLeavesNoPhantomLoan()
    {
        var h = new KioskHarness();
        string card = KioskHarness.Card(1);
        h.Login().AddStock().Type($"B {card}# #");
        StringAssert.Contains(h.Screen, "Returned:");
        h.Type("* D 1 #");
        StringAssert.Contains(h.Screen, "Undone:");
        Assert.AreEqual(0, h.Book.Out(h.Cards.Pseudonym(card), ItemRule.BatteryPack));
        h.Type($"# A {card}# 1 #");
        StringAssert.Contains(h.Screen, "Handed out:");
    }
}

[TestClass]
public class JournalReviewTests
{
    private static readonly Ed25519 Ed = new();
    private static readonly Ed25519PrivateKey Key = Ed.CreatePrivateKey(new byte[32]);
    private static readonly byte[] Council = new byte[32];
    private static readonly byte[] KeyId = new byte[4];
    private static readonly byte[] Household = new byte[12];

    private static Journal Open(SimulatedFlash flash) => Journal.Open(flash, Ed, Key, 1, Council, KeyId, 1000, 64, null);

    [TestMethod]
    public void APowerCutDuringAFullJournalsClosingCheckpointStillLetsItSignItsHead()
    {
        var flash = new SimulatedFlash(3000);
        Journal journal = Open(flash);
        try
        {
            for (uint t = 1; ; t++)
            {
                journal.Append(JournalRecord.HandOut(1000 + t, 1, Household, 2, 1));
            }
        }
        catch (JournalFullException)
        {
        }
        flash.CutPowerAfter(20, 7);
        Assert.ThrowsExactly<PowerCutException>(() => journal.Checkpoint(5000, JournalRecord.CheckpointShutdown));
        flash.RestorePower();
        Journal rebooted = Open(flash);
        rebooted.Checkpoint(5001, JournalRecord.CheckpointShutdown);
        JournalScan scan = JournalScan.Run(flash, Ed, null);
        Assert.IsTrue(scan.Valid, scan.Error);
        Assert.AreEqual(scan.Records, scan.CheckpointedRecords + 1);
    }

    [TestMethod]
    public void ADamagedLengthByteNearTheEndIsDamageNotATornTail()
    {
        var flash = new SimulatedFlash(1200);
        Journal journal = Open(flash);
        int lastOffset = 0;
        for (uint t = 1; journal.HasRoomFor(JournalRecord.HeadSize + 14); t++)
        {
            lastOffset = journal.UsedBytes;
            journal.Append(JournalRecord.HandOut(1000 + t, 1, Household, 2, 1));
        }
        journal.Append(JournalRecord.Session(RecordKind.Logout, 2000, 1));
        flash.Poke(lastOffset, 250);
        JournalScan scan = JournalScan.Run(flash, Ed, null);
        Assert.IsFalse(scan.Valid, $"{scan.Records} records accepted");
    }

    [TestMethod]
    public void EveryByteOfACheckpointIsSigned()
    {
        var flash = new SimulatedFlash(2000);
        Journal journal = Open(flash);
        journal.Append(JournalRecord.HandOut(1001, 1, Household, 2, 1));
        journal.Checkpoint(1002, JournalRecord.CheckpointShutdown);
        int checkpointAt = journal.UsedBytes - Journal.CheckpointEntrySize;
        byte[] entry = new byte[Journal.CheckpointEntrySize];
        flash.Read(checkpointAt, entry, 0, entry.Length);
        // Change the checkpoint's time and fix its CRC, as a relay or an editor could.
        var edited = new SimulatedFlash(2000);
        byte[] all = new byte[journal.UsedBytes];
        flash.Read(0, all, 0, all.Length);
        all[checkpointAt + 2 + 5] ^= 1;
        Skold.Bytes.WriteUInt32LittleEndian(all, checkpointAt + 2 + entry[0], JournalScan.EntryCrc(all[checkpointAt..], entry[0]));
        edited.Write(0, all, 0, all.Length);
        JournalScan scan = JournalScan.Run(edited, Ed, null);
        Assert.IsFalse(scan.Valid);
        StringAssert.Contains(scan.Error, "checkpoint signature");
    }
}
