using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skold.Board.Kiosk;
using Skold.Board.Sync;
using Skold.Codec;
using Skold.Ledger;
using Skold.Ledger.Sync;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

[TestClass]
public class LedgerSyncTests
{
    /// <summary>A kiosk that logged in, received deliveries `deliveries` times and handed out food once.</summary>
    private static KioskStation BusyKiosk(ProvisionedKiosk p, MemoryJournalStorage flash, int deliveries, ref uint t)
    {
        KioskStation station = KioskStation.Open(p.File, flash, p.RulesOrder(), t, p.Ed);
        Assert.IsNull(station.Problem, station.Problem);
        var keys = new StringBuilder("1#1234#");
        for (int i = 0; i < deliveries; i++)
        {
            keys.Append("C21#*");
        }
        keys.Append("A" + ProvisionedKiosk.Card(1) + "#2#*");
        foreach (char key in keys.ToString())
        {
            station.Kiosk!.Press(key, ++t);
        }
        return station;
    }

    [TestMethod]
    public async Task TheWholeJournalReachesTheRealLedgerInBatchesThatEndAtCheckpoints()
    {
        var p = new ProvisionedKiosk();
        await using var ledger = new InProcessLedger(p);
        uint t = TestCouncil.Now;
        KioskStation station = BusyKiosk(p, new MemoryJournalStorage(65536), 150, ref t);
        var sync = new LedgerSync(station.Journal!, ProvisionedKiosk.StationId, ledger) { WindowBytes = 3000 };
        Assert.IsTrue(sync.Run(t + 1), sync.Problem);
        Assert.AreEqual((long)station.Journal!.Records, sync.Acknowledged);
        Assert.IsTrue(sync.Batches >= 3, $"{sync.Batches} batches for {sync.Total} records");
        Assert.IsTrue(sync.Reads > 1, "a small window reads the journal again");
        SyncStatus status = ledger.Status(ProvisionedKiosk.StationId);
        Assert.AreEqual((long)station.Journal.Records, status.Acknowledged);
        Assert.AreEqual(Convert.ToHexString(station.Journal.Head).ToLowerInvariant(), status.Head);

        // Later: more records, and a second sync sends only those.
        foreach (char key in "C21#*")
        {
            station.Kiosk!.Press(key, ++t);
        }
        int posts = ledger.Posts;
        Assert.IsTrue(sync.Run(t + 1), sync.Problem);
        Assert.AreEqual(posts + 1, ledger.Posts);
        Assert.AreEqual((long)station.Journal.Records, ledger.Status(ProvisionedKiosk.StationId).Acknowledged);
    }

    [TestMethod]
    public async Task ASyncCutByTheNetworkResumesWhereTheLedgerAcknowledged()
    {
        var p = new ProvisionedKiosk();
        await using var ledger = new InProcessLedger(p);
        uint t = TestCouncil.Now;
        KioskStation station = BusyKiosk(p, new MemoryJournalStorage(65536), 150, ref t);
        ledger.FailPost = 2;
        var sync = new LedgerSync(station.Journal!, ProvisionedKiosk.StationId, ledger);
        Assert.ThrowsExactly<HttpRequestException>(() => sync.Run(t + 1));
        long held = ledger.Status(ProvisionedKiosk.StationId).Acknowledged;
        Assert.IsTrue(held > 0 && held < station.Journal!.Records, $"the first batch ({held} records) is in");
        var again = new LedgerSync(station.Journal, ProvisionedKiosk.StationId, ledger);
        Assert.IsTrue(again.Run(t + 2), again.Problem);
        Assert.AreEqual((long)station.Journal.Records, ledger.Status(ProvisionedKiosk.StationId).Acknowledged);
    }

    [TestMethod]
    public async Task AJournalThatDisagreesWithTheLedgerStopsAsAClone()
    {
        var p = new ProvisionedKiosk();
        await using var ledger = new InProcessLedger(p);
        uint t = TestCouncil.Now;
        KioskStation first = BusyKiosk(p, new MemoryJournalStorage(65536), 3, ref t);
        Assert.IsTrue(new LedgerSync(first.Journal!, ProvisionedKiosk.StationId, ledger).Run(t + 1));
        // A second board provisioned with the same key writes its own records.
        uint u = TestCouncil.Now + 5;
        KioskStation clone = BusyKiosk(p, new MemoryJournalStorage(65536), 9, ref u);
        var sync = new LedgerSync(clone.Journal!, ProvisionedKiosk.StationId, ledger);
        Assert.IsFalse(sync.Run(u + 1));
        StringAssert.Contains(sync.Problem, "clone");
    }

    [TestMethod]
    public async Task AStationTheLedgerDoesNotKnowGetsTheLedgersReason()
    {
        var p = new ProvisionedKiosk();
        await using var ledger = new InProcessLedger(p);
        uint t = TestCouncil.Now;
        KioskStation station = BusyKiosk(p, new MemoryJournalStorage(65536), 1, ref t);
        var sync = new LedgerSync(station.Journal!, 9, ledger);
        Assert.IsFalse(sync.Run(t + 1));
        StringAssert.StartsWith(sync.Problem, "the ledger answered 403: ");
        Assert.IsFalse(sync.Problem!.EndsWith("no reason given"), sync.Problem);
    }

    [TestMethod]
    public void TheBatchBodyIsWhatTheLedgerReads()
    {
        byte[][] bodies = [[], [1], [1, 2], [1, 2, 3], [.. Enumerable.Range(0, 200).Select(i => (byte)(i * 7))]];
        string json = SyncBatchJson.Encode(3, bodies, 1, 4);
        SyncBatch batch = JsonSerializer.Deserialize(json, SyncJsonContext.Default.SyncBatch)!;
        Assert.AreEqual(3, batch.Station);
        CollectionAssert.AreEqual(bodies.Skip(1).Select(Convert.ToBase64String).ToList(), batch.Records);
        for (int n = 0; n < 12; n++)
        {
            byte[] data = [.. Enumerable.Range(0, n).Select(i => (byte)(255 - i * 13))];
            Assert.AreEqual(Convert.ToBase64String(data), Base64.Encode(data));
        }
    }

    [TestMethod]
    public void TheLedgersRepliesReadBack()
    {
        string result = JsonSerializer.Serialize(new SyncResult(3, 1344, new string('a', 64), 64, 2, 1), SyncJsonContext.Default.SyncResult);
        SyncReply reply = SyncReply.ParseStatus(result);
        Assert.AreEqual(3, reply.Station);
        Assert.AreEqual(1344L, reply.Acknowledged);
        Assert.AreEqual(64, reply.Accepted);
        Assert.AreEqual(2, reply.Duplicates);
        Assert.AreEqual(1, reply.Unsigned);
        string error = JsonSerializer.Serialize(new SyncError("station 9 is \"not\" registered\nåäö"), SyncJsonContext.Default.SyncError);
        Assert.AreEqual("station 9 is \"not\" registered\nåäö", SyncReply.Parse(error).Error);
        SyncReply newer = SyncReply.Parse("{\"station\":3, \"extra\": {\"a\": [1, -2, true, null, \"x\"]}, \"acknowledged\": 5, \"head\": \"\"}");
        Assert.AreEqual(5L, newer.Acknowledged);
    }

    [TestMethod]
    public void BrokenRepliesAreRefusedWithAReason()
    {
        foreach (string bad in new[] { "", "[]", "{\"station\":3", "{\"station\":3.5}", "{\"station\":\"3\"}", "{\"head\":\"ab", "{} x",
            "{\"acknowledged\":99999999999999999999}", "<html>502 Bad Gateway</html>" })
        {
            Assert.ThrowsExactly<MalformedDataException>(() => SyncReply.Parse(bad), bad);
        }
        Assert.ThrowsExactly<MalformedDataException>(() => SyncReply.ParseStatus("{\"station\":3,\"acknowledged\":1}"), "no head");
    }
}
