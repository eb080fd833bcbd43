using System.Net;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Cli;
using Skold.Cli.Station;

namespace Skold.Ledger.Tests;

/// <summary>`skold kiosk sync` and `skold ledger verify` against a running ledger.</summary>
[TestClass]
public class CitizenAndKioskCliTests
{
    private static (int Exit, string Output, string Error) Skold(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = SkoldCommand.Run(args, new StringReader(""), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [TestMethod]
    public async Task LedgerVerifyPassesWhileTheLogGrowsAndCatchesARewrittenHistory()
    {
        string saved = Path.Combine(Path.GetTempPath(), "skold-saved-" + Guid.NewGuid().ToString("N") + ".txt");
        await using var honest = new LedgerWorld("sqlite");
        await honest.StartAsync();
        LedgerWorld.Kiosk kiosk = honest.NewKiosk(1).HandOut(1).HandOut(2).HandOut(3).Sign();
        await honest.UploadAsync(1, kiosk.Bodies);
        string url = honest.Http.BaseAddress!.ToString();

        var (first, firstOutput, firstError) = Skold("ledger", "verify", "--url", url, "--checkpoint", saved);
        Assert.AreEqual(0, first, firstOutput + firstError);
        StringAssert.Contains(firstOutput, "signature OK");
        StringAssert.Contains(firstOutput, "the root matches");
        kiosk.HandOut(4).Sign();
        await honest.UploadAsync(1, kiosk.Bodies);
        var (second, secondOutput, _) = Skold("ledger", "verify", "--url", url, "--checkpoint", saved);
        Assert.AreEqual(0, second, secondOutput);
        StringAssert.Contains(secondOutput, "the log only grew");

        // The same ledger key now serves a history in which household 2 never got its parcel.
        await using var rewritten = new LedgerWorld("sqlite");
        await rewritten.StartAsync();
        LedgerWorld.Kiosk edited = rewritten.NewKiosk(1).HandOut(1).HandOut(3).HandOut(4).HandOut(5).HandOut(6).Sign();
        Assert.AreEqual(HttpStatusCode.OK, (await rewritten.UploadAsync(1, edited.Bodies)).StatusCode);
        var (caught, caughtOutput, _) = Skold("ledger", "verify", "--url", rewritten.Http.BaseAddress!.ToString(), "--checkpoint", saved);
        Assert.AreEqual(1, caught, caughtOutput);
        StringAssert.Contains(caughtOutput, "history was rewritten");
        File.Delete(saved);
    }

    // `kiosk simulate` starts on this day unless given --time; the practice rules start an hour before.
    private static readonly uint SimulationDay = global::Skold.Council.SkoldTime.FromUnixSeconds(DateTimeOffset.Parse("2026-11-24T07:00:00Z").ToUnixTimeSeconds());

    [TestMethod]
    public async Task KioskSyncUploadsAJournalInBatchesAndResumesFromTheAcknowledgement()
    {
        await using var world = new LedgerWorld("sqlite");
        await world.StartAsync();
        string url = world.Http.BaseAddress!.ToString();
        string dir = Directory.CreateTempSubdirectory("skold-sync-").FullName;

        // A station the council registered: station 1's key, the council's id.
        string journal = Path.Combine(dir, "station1.bin");
        StationFile registered = StationFile.CreatePractice(SimulationDay, StationFile.SeededRandom(1)) with
        {
            Station = 1,
            StationSeed = Convert.ToHexString(Enumerable.Repeat((byte)41, 32).ToArray()),
            CouncilId = Convert.ToHexString(world.Registry.CouncilId),
        };
        registered.Save(journal + ".station.json");
        Assert.AreEqual(0, Skold("kiosk", "simulate", "--journal", journal, "--records", "300", "--seed", "3").Exit);
        var (exit, output, error) = Skold("kiosk", "sync", "--journal", journal, "--ledger", url, "--batch", "50");
        Assert.AreEqual(0, exit, output + error);
        StringAssert.Contains(output, "the ledger holds all");
        StringAssert.Contains(error, "records", "a progress bar");
        long acknowledged = (await world.StatusAsync(1)).Acknowledged;
        Assert.IsTrue(acknowledged >= 300);
        using (System.Text.Json.JsonDocument checks = System.Text.Json.JsonDocument.Parse(await world.Http.GetStringAsync("checks")))
        {
            Assert.AreEqual(0, checks.RootElement.GetProperty("conflicts").GetArrayLength());
        }
        StringAssert.Contains(await world.Http.GetStringAsync(""), "food parcel", "the hand-outs are on the public page");

        // More days at the station: the next sync sends only what is new.
        Assert.AreEqual(0, Skold("kiosk", "simulate", "--journal", journal, "--records", "400", "--seed", "3").Exit);
        Assert.AreEqual(0, Skold("kiosk", "sync", "--journal", journal, "--ledger", url).Exit);
        Assert.IsTrue((await world.StatusAsync(1)).Acknowledged > acknowledged);
        Assert.IsTrue(File.Exists(journal), "the kiosk deletes nothing");

        // A practice station the council never registered is refused with the reason.
        string stranger = Path.Combine(dir, "stranger.bin");
        StationFile.CreatePractice(SimulationDay, StationFile.SeededRandom(9), station: 9).Save(stranger + ".station.json");
        Assert.AreEqual(0, Skold("kiosk", "simulate", "--journal", stranger, "--records", "20", "--seed", "5").Exit);
        var (refused, _, refusedError) = Skold("kiosk", "sync", "--journal", stranger, "--ledger", url);
        Assert.AreEqual(2, refused);
        StringAssert.Contains(refusedError, "not registered by the council");

        var (down, _, downError) = Skold("kiosk", "sync", "--journal", journal, "--ledger", "http://127.0.0.1:9");
        Assert.AreEqual(2, down);
        StringAssert.Contains(downError, "nothing is lost");
    }
}
