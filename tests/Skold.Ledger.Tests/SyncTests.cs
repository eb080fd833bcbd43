using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.Ledger.Log;
using Skold.Ledger.Sync;
using Skold.Station;
using Skold.Transparency;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]

namespace Skold.Ledger.Tests;

[TestClass]
public class SyncTests
{
    private static async Task<LedgerWorld> World(string provider)
    {
        var world = new LedgerWorld(provider);
        await world.StartAsync();
        return world;
    }

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncError))!.Error;

    private static async Task<LogCheckpoint> Checkpoint(LedgerWorld world) =>
        LedgerSigner.VerifyCheckpoint(await world.Http.GetStringAsync("checkpoint"), (await world.Http.GetStringAsync("log-key")).Trim());

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task AKioskSyncsInBatchesAndEveryRecordBecomesAProvableLeaf(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk kiosk = world.NewKiosk(1);
        for (int i = 0; i < 20; i++)
        {
            kiosk.HandOut(i);
        }
        kiosk.Sign();
        Assert.AreEqual(0, (await world.StatusAsync(1)).Acknowledged);
        HttpResponseMessage first = await world.UploadAsync(1, kiosk.Bodies.Take(10));
        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        SyncResult partial = (await first.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult))!;
        Assert.AreEqual(0, partial.Accepted, "no checkpoint signs these ten yet");
        Assert.AreEqual(10, partial.Unsigned);
        HttpResponseMessage all = await world.UploadAsync(1, kiosk.Bodies);
        SyncResult result = (await all.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult))!;
        Assert.AreEqual(kiosk.Bodies.Count, result.Accepted);
        Assert.AreEqual(kiosk.Bodies.Count, (int)result.Acknowledged);
        Assert.AreEqual(Convert.ToHexString(kiosk.Journal.Head).ToLowerInvariant(), result.Head);

        LogCheckpoint checkpoint = await Checkpoint(world);
        Assert.AreEqual(kiosk.Bodies.Count, (int)checkpoint.Size);
        Assert.AreEqual("ledger.storby.example/skold", checkpoint.Origin);
        // Every entry's inclusion, checked by the independent RFC 9162 verifier.
        byte[] bundle = await world.Http.GetByteArrayAsync(TileId.Entries(0, (int)checkpoint.Size).ToPath());
        IReadOnlyList<byte[]> entries = EntryBundle.Decode(bundle, (int)checkpoint.Size);
        StringAssert.StartsWith(Encoding.UTF8.GetString(entries[2]), "skold-ledger-v1 record station=1 seq=3 kind=hand-out hour=");
        Assert.IsFalse(Encoding.UTF8.GetString(entries[2]).Contains(Convert.ToHexString(world.Cards.Pseudonym(LedgerWorld.Card(1))), StringComparison.OrdinalIgnoreCase),
            "the public pseudonym is not the station's");
        for (int i = 0; i < entries.Count; i++)
        {
            List<byte[]> proof = await Proof($"proof/inclusion?index={i}&size={checkpoint.Size}", world);
            Assert.IsTrue(MerkleProofVerifier.VerifyInclusion(MerkleHash.Leaf(entries[i]), i, checkpoint.Size, proof, checkpoint.Root), $"entry {i}");
        }
        Assert.AreEqual(HttpStatusCode.BadRequest, (await world.Http.GetAsync($"proof/inclusion?index=0&size={checkpoint.Size + 1}")).StatusCode);
    }

    [TestMethod]
    public async Task AClockSetOnTheKeypadIsAPublicEntryThatSaysWhereTheTimeJumped()
    {
        await using LedgerWorld world = await World("sqlite");
        LedgerWorld.Kiosk kiosk = world.NewKiosk(1);
        kiosk.HandOut(1);
        uint jumped = kiosk.Journal.LastTime + 5 * 3600;
        kiosk.Add(JournalRecord.ClockSet(jumped, 1, 0, JournalRecord.ClockFromKeypad));
        kiosk.Add(JournalRecord.Session(RecordKind.Login, jumped, 1));
        kiosk.HandOut(2, at: jumped + 60);
        kiosk.Sign();
        SyncResult result = (await (await world.UploadAsync(1, kiosk.Bodies)).Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult))!;
        Assert.AreEqual(kiosk.Bodies.Count, result.Accepted);
        LogCheckpoint checkpoint = await Checkpoint(world);
        IReadOnlyList<byte[]> entries = EntryBundle.Decode(await world.Http.GetByteArrayAsync(TileId.Entries(0, (int)checkpoint.Size).ToPath()), (int)checkpoint.Size);
        string clock = Encoding.UTF8.GetString(entries[2]);
        StringAssert.StartsWith(clock, "skold-ledger-v1 record station=1 seq=3 kind=clock-set hour=");
        StringAssert.EndsWith(clock, " source=keypad clock-before=lost");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task TheLogOnlyGrowsAndConsistencyProofsShowIt(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk one = world.NewKiosk(1).HandOut(1).HandOut(2).Sign();
        await world.UploadAsync(1, one.Bodies);
        LogCheckpoint early = await Checkpoint(world);
        LedgerWorld.Kiosk two = world.NewKiosk(2).HandOut(3).Sign();
        await world.UploadAsync(2, two.Bodies);
        one.HandOut(4).Sign();
        await world.UploadAsync(1, one.Bodies);
        LogCheckpoint late = await Checkpoint(world);
        Assert.IsTrue(late.Size > early.Size);
        List<byte[]> proof = await Proof($"proof/consistency?from={early.Size}&to={late.Size}", world);
        Assert.IsTrue(MerkleProofVerifier.VerifyConsistency(early.Size, late.Size, early.Root, late.Root, proof));

        await world.RestartAsync();
        LogCheckpoint restarted = await Checkpoint(world);
        Assert.AreEqual(late.Size, restarted.Size, "the tree is rebuilt from the database");
        CollectionAssert.AreEqual(late.Root, restarted.Root);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task TheSameBatchTwiceChangesNothing(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk kiosk = world.NewKiosk(1).HandOut(1).HandOut(2).Sign();
        await world.UploadAsync(1, kiosk.Bodies);
        LogCheckpoint before = await Checkpoint(world);
        HttpResponseMessage again = await world.UploadAsync(1, kiosk.Bodies);
        SyncResult result = (await again.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult))!;
        Assert.AreEqual(0, result.Accepted);
        Assert.AreEqual(kiosk.Bodies.Count, result.Duplicates);
        LogCheckpoint after = await Checkpoint(world);
        Assert.AreEqual(before.Size, after.Size);
        CollectionAssert.AreEqual(before.Root, after.Root);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task AClonedKioskOfferingOtherRecordsIsAConflictKeptAsEvidence(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk genuine = world.NewKiosk(1).HandOut(1).HandOut(2).Sign();
        await world.UploadAsync(1, genuine.Bodies);
        // A clone with the same key wrote different records under the same sequence numbers.
        LedgerWorld.Kiosk clone = world.NewKiosk(1).HandOut(9).HandOut(8).Sign();
        LogCheckpoint before = await Checkpoint(world);
        HttpResponseMessage response = await world.UploadAsync(1, clone.Bodies);
        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        StringAssert.Contains(await Error(response), "kept as evidence");
        Assert.AreEqual(before.Size, (await Checkpoint(world)).Size);
        using JsonDocument checks = JsonDocument.Parse(await world.Http.GetStringAsync("checks"));
        JsonElement conflict = checks.RootElement.GetProperty("conflicts")[0];
        Assert.AreEqual(1, conflict.GetProperty("station").GetInt32());
        Assert.AreEqual(2, conflict.GetProperty("sequence").GetInt64());
        // Sent again, the same evidence is not stored twice.
        await world.UploadAsync(1, clone.Bodies);
        using JsonDocument again = JsonDocument.Parse(await world.Http.GetStringAsync("checks"));
        Assert.AreEqual(1, again.RootElement.GetProperty("conflicts").GetArrayLength());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task UnsignedBytesCannotFrameAStationAsCloned(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk kiosk = world.NewKiosk(1).HandOut(1).HandOut(2).Sign();
        await world.UploadAsync(1, kiosk.Bodies);
        byte[] altered = (byte[])kiosk.Bodies[1].Clone();
        altered[^1] ^= 1;
        HttpResponseMessage response = await world.UploadAsync(1, [altered]);
        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        StringAssert.Contains(await Error(response), "no checkpoint signed by the station covers it");
        using JsonDocument checks = JsonDocument.Parse(await world.Http.GetStringAsync("checks"));
        Assert.AreEqual(0, checks.RootElement.GetProperty("conflicts").GetArrayLength(), "no evidence from unsigned bytes");
        var nulls = new StringContent("{\"station\":1,\"records\":[null]}", Encoding.UTF8, "application/json");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await world.Http.PostAsync("sync/1", nulls)).StatusCode);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task TamperedReorderedTruncatedOrMisdirectedUploadsAreRejectedAndChangeNothing(string provider)
    {
        await using LedgerWorld world = await World(provider);
        LedgerWorld.Kiosk kiosk = world.NewKiosk(1).HandOut(1).HandOut(2).HandOut(3).Sign();
        LedgerWorld.Kiosk other = world.NewKiosk(2).HandOut(1).Sign();
        await world.UploadAsync(2, other.Bodies);
        LogCheckpoint before = await Checkpoint(world);

        List<byte[]> tampered = kiosk.Bodies.Select(b => (byte[])b.Clone()).ToList();
        tampered[2][^1] ^= 1;
        HttpResponseMessage response = await world.UploadAsync(1, tampered);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await Error(response), "does not continue the chain");

        List<byte[]> reordered = [.. kiosk.Bodies];
        (reordered[1], reordered[2]) = (reordered[2], reordered[1]);
        response = await world.UploadAsync(1, reordered);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await Error(response), "consecutive");

        response = await world.UploadAsync(1, kiosk.Bodies.Skip(1));
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await Error(response), "send from record 1");

        string json = JsonSerializer.Serialize(new SyncBatch(1, kiosk.Bodies.Select(Convert.ToBase64String).ToList()), SyncJsonContext.Default.SyncBatch);
        response = await world.Http.PostAsync("sync/1", new StringContent(json[..(json.Length / 2)], Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await Error(response), "cut short");

        response = await world.UploadAsync(3, other.Bodies);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, "station 2's journal replayed as station 3's");

        response = await world.Http.PostAsJsonAsync("sync/9", new SyncBatch(9, kiosk.Bodies.Select(Convert.ToBase64String).ToList()), SyncJsonContext.Default.SyncBatch);
        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);

        // A checkpoint signed by a key the council never registered.
        LedgerWorld.Kiosk forged = new(world, 1, world.Ed.CreatePrivateKey(new byte[32]));
        forged.HandOut(5).Sign();
        response = await world.UploadAsync(1, forged.Bodies);
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);

        LogCheckpoint after = await Checkpoint(world);
        Assert.AreEqual(before.Size, after.Size);
        CollectionAssert.AreEqual(before.Root, after.Root);
        Assert.AreEqual(0, (await world.StatusAsync(1)).Acknowledged);
        Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(1, kiosk.Bodies)).StatusCode, "the genuine upload still goes through");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task CouncilOrdersArePublishedOnlyWhenTheyMeetTheirPolicy(string provider)
    {
        await using LedgerWorld world = await World(provider);
        var reserve = new Order(OrderKind.ReserveActivation, 1, LedgerWorld.Start + 100, 600, new ReserveActivationBody(250_000, LedgerWorld.Start + 86400 * 3, "Diesel för reservkraft"));
        world.SignBy(world.Registry, reserve, 0, 2, 4);
        HttpResponseMessage refused = await world.Http.PostAsync("orders", new ByteArrayContent(reserve.Encode()));
        Assert.AreEqual((HttpStatusCode)422, refused.StatusCode, "4 signatures from 4 groups are needed");
        world.SignBy(world.Registry, reserve, 6);
        Assert.AreEqual(HttpStatusCode.OK, (await world.Http.PostAsync("orders", new ByteArrayContent(reserve.Encode()))).StatusCode);
        long size = (await Checkpoint(world)).Size;
        Assert.AreEqual(HttpStatusCode.OK, (await world.Http.PostAsync("orders", new ByteArrayContent(reserve.Encode()))).StatusCode);
        Assert.AreEqual(size, (await Checkpoint(world)).Size, "publishing again adds nothing");
        string page = await world.Http.GetStringAsync("");
        StringAssert.Contains(page, "Diesel för reservkraft");
        StringAssert.Contains(page, "250,000");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task CrossStationChecksFindDoubleHandOutsUnreturnedPacksAndDrawAnAuditSample(string provider)
    {
        await using LedgerWorld world = await World(provider);
        var rules = new Order(OrderKind.DistributionRules, 1, LedgerWorld.Start, 60 * 24 * 7,
            new DistributionRulesBody(24, [new ItemRule(ItemRule.BatteryPack, null, 2, 1, 1), new ItemRule(ItemRule.FoodParcel, null, 1, 0, 1)]));
        world.SignBy(world.Registry, rules, 0, 2, 4);
        Assert.AreEqual(HttpStatusCode.OK, (await world.Http.PostAsync("orders", new ByteArrayContent(rules.Encode()))).StatusCode);
        // Household 1 takes a food parcel at two stations the same day; household 2 borrows a pack and returns it, 3 does not.
        LedgerWorld.Kiosk one = world.NewKiosk(1).HandOut(1).HandOut(2, ItemRule.BatteryPack).HandOut(3, ItemRule.BatteryPack).Return(2);
        for (int i = 0; i < 300; i++)
        {
            one.Exception(1000 + i, 2000 + i, 3000 + i);
            if (i % 100 == 99)
            {
                one.Sign();
            }
        }
        LedgerWorld.Kiosk two = world.NewKiosk(2).HandOut(1).HandOut(4).Undo(3).Sign();
        one.HandOut(5).Undo(one.Journal.Records).Sign();
        int[] kinds = one.Bodies.Select(b => (int)b[0]).ToArray();
        for (int from = 0; from < kinds.Length;)
        {
            int end = UploadBatches.End(kinds, kinds.Length, from, UploadBatches.MaxRecords);
            Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(1, one.Bodies.GetRange(from, end - from))).StatusCode);
            from = end;
        }
        Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(2, two.Bodies)).StatusCode);
        using JsonDocument checks = JsonDocument.Parse(await world.Http.GetStringAsync("checks"));
        JsonElement overQuota = checks.RootElement.GetProperty("over_quota");
        Assert.AreEqual(1, overQuota.GetArrayLength(), "household 4's parcel was undone; household 5's too");
        Assert.AreEqual(2, overQuota[0].GetProperty("stations").GetInt32());
        Assert.AreEqual(2, overQuota[0].GetProperty("taken").GetInt32());
        JsonElement notReturned = checks.RootElement.GetProperty("not_returned");
        Assert.AreEqual(1, notReturned.GetArrayLength());
        int sample = checks.RootElement.GetProperty("audit_sample").GetArrayLength();
        // About 5%: the draw depends on the signed root, itself on the ledger's secret pseudonym key.
        Assert.IsTrue(sample is >= 3 and <= 35, $"{sample} of 300 exceptions drawn");
        // Anyone can redo the draw from the signed root.
        byte[] seed = Convert.FromHexString(checks.RootElement.GetProperty("audit_seed").GetString()!);
        CollectionAssert.AreEqual((await Checkpoint(world)).Root, seed);
        int redrawn = Enumerable.Range(0, one.Bodies.Count).Count(i =>
            JournalRecord.DecodeBody(one.Bodies[i], 0, one.Bodies[i].Length).Kind == RecordKind.Exception && Checks.CrossStationChecks.Drawn(seed, 1, i + 1));
        Assert.AreEqual(sample, redrawn);
    }

    private static async Task<List<byte[]>> Proof(string path, LedgerWorld world) =>
        (await world.Http.GetFromJsonAsync(path, LedgerJsonContext.Default.ProofResponse))!.Proof.Select(Convert.FromBase64String).ToList();
}
