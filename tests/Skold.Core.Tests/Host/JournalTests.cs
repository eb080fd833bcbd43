using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Crypto;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Tests.Host;

[TestClass]
public class JournalTests
{
    private const uint Time = 100000000;
    private static readonly Ed25519 Ed = new();
    private static readonly Ed25519PrivateKey StationKey = Ed.CreatePrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly byte[] CouncilId = Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray();
    private static readonly HouseholdCard Cards = new(Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray());

    private sealed class Collector : IJournalReader
    {
        public readonly List<JournalRecord> Records = [];

        public void Read(JournalRecord record) => Records.Add(record);
    }

    private static Journal Open(IJournalStorage storage, IJournalReader? reader = null, int interval = 8) =>
        Journal.Open(storage, Ed, StationKey, 3, CouncilId, Cards.KeyId, Time, interval, reader);

    private static byte[] Household(int n) => Cards.Pseudonym(CardNumber(n));

    public static string CardNumber(int n)
    {
        string stem = (100000 + n).ToString();
        return stem + HouseholdCard.CheckDigit(stem);
    }

    /// <summary>The i-th record of a varied working day.</summary>
    private static JournalRecord Sample(int i) => (i % 9) switch
    {
        0 => JournalRecord.Session(RecordKind.Login, Time + (uint)i, 1 + i % 3),
        1 => JournalRecord.StockReceived(Time + (uint)i, 1, 2, 40 + i),
        2 => JournalRecord.Exception(Time + (uint)i, 1, Household(i), 2, 1, Household(i + 1), Household(i + 2)),
        3 => JournalRecord.Returned(Time + (uint)i, 2, Household(i), 1, 1),
        4 => JournalRecord.StockCorrection(Time + (uint)i, 2, 2, -3),
        5 => JournalRecord.Undo(Time + (uint)i, 2, 4),
        6 => JournalRecord.Session(RecordKind.Logout, Time + (uint)i, 2),
        _ => JournalRecord.HandOut(Time + (uint)i, 1, Household(i), 1 + i % 3, 1 + i % 2),
    };

    private static string Describe(JournalRecord r) => Convert.ToHexString(r.EncodeBody());

    [TestMethod]
    public void ReopeningReplaysEveryRecordWithTheSameChainHead()
    {
        var flash = new SimulatedFlash(16384);
        Journal journal = Open(flash);
        var written = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            written.Add(Describe(journal.Append(Sample(i))));
        }
        journal.Checkpoint(Time + 100, JournalRecord.CheckpointShutdown);
        var collector = new Collector();
        Journal again = Open(flash, collector);
        CollectionAssert.IsSubsetOf(written, collector.Records.Select(Describe).ToList());
        Assert.AreEqual(journal.Records, again.Records);
        CollectionAssert.AreEqual(journal.Head, again.Head);
        Assert.AreEqual(RecordKind.Opened, collector.Records[0].Kind);
        Assert.AreEqual(6, collector.Records.Count(r => r.Kind == RecordKind.Checkpoint), "one every 8 records among 41 others, and 1 at shutdown");
        JournalScan scan = JournalScan.Run(flash, Ed, null);
        Assert.IsTrue(scan.Valid, scan.Error);
        Assert.AreEqual(scan.Records, scan.CheckpointedRecords + 1, "the head is signed");
    }

    [TestMethod]
    public void APowerCutAtEveryWriteStepLosesNoCommittedRecord()
    {
        // A clean run counts the write steps of the whole scenario; then power is cut before each
        // one in turn (twice, with different torn bits), the station reboots, works on, and may be
        // cut again; every record an append returned must still be there, unchanged, in order.
        int totalSteps = RunScenario(new SimulatedFlash(8192), -1, 0, out _);
        int runs = 0;
        for (int cut = 0; cut <= totalSteps; cut++)
        {
            for (uint seed = 1; seed <= 2; seed++)
            {
                var flash = new SimulatedFlash(8192);
                RunScenario(flash, cut, seed, out List<string> committed);
                flash.RestorePower();
                // The reboot itself may lose power while it cuts the torn tail or writes more.
                int secondCut = (int)((cut * 7 + seed * 13) % 150);
                flash.CutPowerAfter(secondCut, seed + 100);
                try
                {
                    var replay = new Collector();
                    Journal rebooted = Open(flash, replay);
                    AssertPrefix(committed, replay.Records, cut);
                    for (int i = 100; i < 104; i++)
                    {
                        committed = replay.Records.Select(Describe).ToList();
                        JournalRecord record = rebooted.Append(Sample(i));
                        replay.Records.Add(record);
                    }
                    committed = replay.Records.Select(Describe).ToList();
                }
                catch (PowerCutException)
                {
                }
                flash.RestorePower();
                var final = new Collector();
                Open(flash, final);
                AssertPrefix(committed, final.Records, cut);
                JournalScan scan = JournalScan.Run(flash, Ed, null);
                Assert.IsTrue(scan.Valid, $"cut at {cut}: {scan.Error}");
                runs++;
            }
        }
        Console.WriteLine($"{runs} power cuts over {totalSteps} write steps");
        Assert.IsTrue(runs > 2000, $"{runs} power cuts");
    }

    private static void AssertPrefix(List<string> committed, List<JournalRecord> found, int cut)
    {
        List<string> have = found.Select(Describe).ToList();
        Assert.IsTrue(have.Count >= committed.Count, $"cut at {cut}: {committed.Count} committed, {have.Count} after reboot");
        for (int i = 0; i < committed.Count; i++)
        {
            Assert.AreEqual(committed[i], have[i], $"cut at {cut}: record {i + 1} changed");
        }
    }

    private static int RunScenario(SimulatedFlash flash, int cut, uint seed, out List<string> committed)
    {
        committed = [];
        if (cut >= 0)
        {
            flash.CutPowerAfter(cut, seed);
        }
        try
        {
            var opened = new Collector();
            Journal journal = Open(flash, opened);
            committed.AddRange(opened.Records.Select(Describe));
            for (int i = 0; i < 30; i++)
            {
                uint before = journal.Records;
                journal.Append(Sample(i));
                // A periodic checkpoint may follow; both are committed once Append returns.
                committed = Replay(flash);
                Assert.IsTrue(journal.Records > before);
            }
            journal.Checkpoint(Time + 50, JournalRecord.CheckpointShutdown);
            committed = Replay(flash);
        }
        catch (PowerCutException)
        {
        }
        return flash.WriteSteps;
    }

    private static List<string> Replay(SimulatedFlash flash)
    {
        var collector = new Collector();
        JournalScan.Run(flash, Ed, collector);
        return collector.Records.Select(Describe).ToList();
    }

    [TestMethod]
    public void ADamagedRecordInTheMiddleIsReportedAndTheJournalIsNotContinued()
    {
        var flash = new SimulatedFlash(8192);
        Journal journal = Open(flash);
        for (int i = 0; i < 20; i++)
        {
            journal.Append(Sample(i));
        }
        int offset = 300;
        flash.Poke(offset, (byte)(flash.Peek(offset) ^ 0x10));
        JournalScan scan = JournalScan.Run(flash, Ed, null);
        Assert.IsFalse(scan.Valid);
        StringAssert.Contains(scan.Error, "damaged");
        Assert.ThrowsExactly<JournalCorruptException>(() => Open(flash));
    }

    [TestMethod]
    public void AnEditWithItsCrcAndLinksRewrittenIsCaughtByTheCheckpointSignature()
    {
        var flash = new SimulatedFlash(8192);
        Journal journal = Open(flash);
        for (int i = 0; i < 7; i++)
        {
            journal.Append(Sample(i));
        }
        journal.Checkpoint(Time + 9, JournalRecord.CheckpointShutdown);
        // An attacker with the flash rewrites record 3 and re-chains everything after it.
        var records = new Collector();
        JournalScan.Run(flash, Ed, records);
        var forged = new SimulatedFlash(8192);
        byte[] head = new byte[32];
        int at = 0;
        var sha = new Sha256();
        foreach (JournalRecord r in records.Records)
        {
            byte[] body = r.EncodeBody();
            Array.Copy(head, 0, body, 10, 8);
            if (r.Sequence == 3)
            {
                body[^1] ^= 1;
            }
            byte[] entry = new byte[body.Length + 6];
            entry[0] = (byte)body.Length;
            entry[1] = 0xff;
            body.CopyTo(entry, 2);
            Skold.Bytes.WriteUInt32LittleEndian(entry, 2 + body.Length, JournalScan.EntryCrc(entry, body.Length));
            forged.Write(at, entry, 0, entry.Length);
            at += entry.Length;
            head = JournalScan.NextHead(sha, head, body);
        }
        JournalScan scan = JournalScan.Run(forged, Ed, null);
        Assert.IsFalse(scan.Valid);
        StringAssert.Contains(scan.Error, "checkpoint signature");
    }

    [TestMethod]
    public void ATornTailIsValidAndCutAtTheNextBoot()
    {
        var flash = new SimulatedFlash(4096);
        Journal journal = Open(flash);
        journal.Append(Sample(7));
        int stepsBefore = flash.WriteSteps;
        flash.CutPowerAfter(10, 5);
        Assert.ThrowsExactly<PowerCutException>(() => journal.Append(Sample(8)));
        flash.RestorePower();
        JournalScan torn = JournalScan.Run(flash, Ed, null);
        Assert.IsTrue(torn.Valid, torn.Error);
        Assert.AreEqual(2u, torn.Records);
        Assert.IsTrue(torn.TornTailBytes is > 0 and <= 11, $"{torn.TornTailBytes} torn bytes");
        Journal rebooted = Open(flash);
        rebooted.Append(Sample(9));
        JournalScan after = JournalScan.Run(flash, Ed, null);
        Assert.IsTrue(after.Valid, after.Error);
        Assert.AreEqual(0, after.TornTailBytes);
        Assert.AreEqual(1, after.DiscardedEntries);
        Assert.AreEqual(3u, after.Records);
        Assert.IsTrue(flash.WriteSteps > stepsBefore);
    }

    [TestMethod]
    public void AFullJournalWarnsAt80PercentRefusesCleanlyAndStillSignsItsHead()
    {
        var flash = new SimulatedFlash(4096);
        Journal journal = Open(flash, null, 64);
        bool warned = false;
        int appended = 0;
        JournalFullException? full = null;
        while (full is null)
        {
            try
            {
                journal.Append(JournalRecord.HandOut(Time, 1, Household(appended), 2, 1));
                appended++;
                warned |= journal.NearlyFull;
                if (!warned)
                {
                    Assert.IsTrue(journal.UsedPercent < 80);
                }
            }
            catch (JournalFullException e)
            {
                full = e;
            }
        }
        Assert.IsTrue(warned);
        StringAssert.Contains(full.Message, "full");
        uint records = journal.Records;
        journal.Checkpoint(Time + 1, JournalRecord.CheckpointShutdown);
        JournalScan scan = JournalScan.Run(flash, Ed, null);
        Assert.IsTrue(scan.Valid, scan.Error);
        Assert.AreEqual(records + 1, scan.Records);
        Assert.AreEqual(records, scan.CheckpointedRecords);
    }

    [TestMethod]
    public void FiftyThousandRecordsOfAWorkingMixFitInTwoMebibytes()
    {
        var flash = new SimulatedFlash(2 * 1024 * 1024);
        Journal journal = Open(flash, null, Journal.DefaultCheckpointInterval);
        var rng = new Random(7);
        for (int i = 0; journal.Records < 50000; i++)
        {
            int roll = rng.Next(100);
            uint t = Time + (uint)i * 20;
            JournalRecord record = roll switch
            {
                < 2 => JournalRecord.Exception(t, 1, Household(i), 2, 1, Household(i + 1), Household(i + 2)),
                < 12 => JournalRecord.Returned(t, 1, Household(i), 1, 1),
                < 14 => JournalRecord.Session(RecordKind.Login, t, 1),
                < 16 => JournalRecord.Session(RecordKind.Logout, t, 1),
                < 17 => JournalRecord.StockReceived(t, 1, 2, 200),
                < 18 => JournalRecord.Undo(t, 1, journal.Records),
                _ => JournalRecord.HandOut(t, 1, Household(i), 1 + rng.Next(3), 1),
            };
            journal.Append(record);
        }
        double average = (double)journal.UsedBytes / journal.Records;
        Assert.IsTrue(average <= 42, $"{average:F1} bytes per record on average");
        Assert.IsTrue(journal.HasRoomFor(JournalRecord.HeadSize + 14), $"{journal.UsedPercent}% used");
    }

    [TestMethod]
    public void AJournalOfAnotherStationIsNotContinued()
    {
        var flash = new SimulatedFlash(4096);
        Open(flash).Append(Sample(7));
        Ed25519PrivateKey other = Ed.CreatePrivateKey(new byte[32]);
        Assert.ThrowsExactly<JournalCorruptException>(() =>
            Journal.Open(flash, Ed, other, 3, CouncilId, Cards.KeyId, Time, 8, null));
    }

    [TestMethod]
    public void EveryRecordKindSurvivesEncodingAndTruncationIsRejected()
    {
        for (int i = 0; i < 9; i++)
        {
            JournalRecord record = Sample(i);
            byte[] body = record.EncodeBody();
            Assert.AreEqual(Describe(record), Describe(JournalRecord.DecodeBody(body, 0, body.Length)));
            Assert.ThrowsExactly<Skold.Codec.MalformedDataException>(() => JournalRecord.DecodeBody(body, 0, body.Length - 1));
        }
    }
}

[TestClass]
public class HmacOracleTests
{
    [TestMethod]
    public void HmacSha256AgreesWithDotNetForKeysAndMessagesOfEveryLength()
    {
        var rng = new Random(11);
        for (int keyLength = 0; keyLength <= 140; keyLength += 7)
        {
            for (int messageLength = 0; messageLength <= 300; messageLength += 37)
            {
                byte[] key = new byte[keyLength];
                byte[] message = new byte[messageLength];
                rng.NextBytes(key);
                rng.NextBytes(message);
                CollectionAssert.AreEqual(System.Security.Cryptography.HMACSHA256.HashData(key, message), new HmacSha256(key).Compute(message));
            }
        }
    }
}
