using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Cli.Demo;

namespace Skold.Cli.Tests;

/// <summary>The storm demo as the project's integration test: a shortened storm, every outcome asserted.</summary>
[TestClass]
public sealed class StormDemoTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("skold-storm-").FullName;

    [TestMethod]
    public void AShortStormPassesEveryCheckAndWritesWhatItSays()
    {
        string dir = Path.Combine(TempDir(), "storm");
        var (exit, output, error) = CliRunner.Run("", "demo", "storm", "--out", dir, "--seed", "2", "--households", "240", "--hours", "14", "--nodes", "20");
        Assert.AreEqual(0, exit, output + error);
        StringAssert.Contains(output, "All checks passed.");
        Assert.IsFalse(output.Contains("[FAILED]", StringComparison.Ordinal), output);
        foreach (string path in new[] { "storm-report.txt", "public-ledger.html", "plots/coverage-map.svg", "plots/delivery.svg", "ledger/ledger.db",
            "journals/station-1.journal", "journals/station-3.journal", "council/genesis.order", "council/forged-alert.order" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(dir, path)), path + " was not written");
        }
        string page = File.ReadAllText(Path.Combine(dir, "public-ledger.html"));
        StringAssert.Contains(page, "Released 500,000 SEK of the 10,000,000 SEK resilience fund");
        StringAssert.Contains(page, "Households over their quota across stations");

        // Journal 3 is the tampered one: the CLI's own verifier refuses it, journal 2 (power cut) is intact.
        var (verifyTampered, tamperedOutput, tamperedError) = CliRunner.Run("", "journal", "verify", Path.Combine(dir, "journals", "station-3.journal"));
        Assert.AreNotEqual(0, verifyTampered, tamperedOutput);
        StringAssert.Contains(tamperedOutput + tamperedError, "checkpoint signature does not verify");
        var (verifyCut, cutOutput, cutError) = CliRunner.Run("", "journal", "verify", Path.Combine(dir, "journals", "station-2.journal"));
        Assert.AreEqual(0, verifyCut, cutOutput + cutError);
    }

    [TestMethod]
    public void TheOutcomeHoldsTheScenariosFacts()
    {
        string dir = Path.Combine(TempDir(), "storm");
        StormOutcome outcome = new StormScenario(new StormOptions(dir, Seed: 3, Households: 200, Hours: 12, Nodes: 16), TextWriter.Null)
            .RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.IsTrue(outcome.AllPassed, outcome.Report());
        Assert.AreEqual(1.0, outcome.DeliveryRatio, outcome.Report());
        // Reports are not repaired: the council must hold at least every station's latest one.
        Assert.IsTrue(outcome.ReportsSent >= 6 && outcome.ReportsReached >= 3, outcome.Report());
        Assert.IsTrue(outcome.HandOuts > 100 && outcome.Exceptions > 0 && outcome.Returns > 0 && outcome.Refusals > 0, outcome.Report());
        Assert.IsTrue(outcome.OverQuota > 0, "households visiting two stations must be flagged: " + outcome.Report());
        Assert.IsTrue(outcome.InclusionProofs > outcome.HandOuts, outcome.Report());
        Assert.IsTrue(outcome.TamperedKeptRecords > 0, "the ledger keeps what station 3 signed before the edit: " + outcome.Report());
        foreach (string check in new[] { "forged ALERT is refused by every node", "tampered records", "power cut", "every inclusion proof" })
        {
            Assert.IsTrue(outcome.Checks.Any(c => c.Name.Contains(check, StringComparison.Ordinal) && c.Passed), check + ": " + outcome.Report());
        }
    }

    [TestMethod]
    public void AFolderWithOtherFilesIsLeftAlone()
    {
        string dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "thesis.docx"), "mine");
        var (exit, _, error) = CliRunner.Run("", "demo", "storm", "--out", dir, "--hours", "12");
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "holds other files");
        Assert.IsTrue(File.Exists(Path.Combine(dir, "thesis.docx")));
    }
}
