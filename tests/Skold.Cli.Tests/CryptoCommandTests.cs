using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Cli.Tests;

[TestClass]
public class CryptoCommandTests
{
    private const string Seed1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Public1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Signature1 = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [TestMethod]
    public void VerifyAnswersEachLineInOrderAndKeepsGoingPastMalformedOnes()
    {
        string input = string.Join('\n',
            $$"""{"pk":"{{Public1}}","msg":"","sig":"{{Signature1}}"}""",
            $$"""{"pk":"{{Public1}}","msg":"00","sig":"{{Signature1}}"}""",
            "not json",
            $$"""{"pk":"{{Public1}}","msg":""}""",
            $$"""{"pk":"xyz","msg":"","sig":"{{Signature1}}"}""",
            $$"""{"pk":"{{Public1}}","msg":"","sig":"{{Signature1[..^2]}}"}""",
            "[]",
            $$"""{"pk":"{{Public1}}","msg":"","sig":"{{Signature1}}"}""");
        var (exitCode, output, _) = CliRunner.Run(input, "crypto", "verify");
        string[] lines = CliRunner.Lines(output);
        Assert.HasCount(8, lines);
        Assert.AreEqual("true", lines[0]);
        Assert.AreEqual("false", lines[1]);
        StringAssert.StartsWith(lines[2], "error: line 3 is not valid JSON");
        Assert.AreEqual("error: line 4: missing field \"sig\"", lines[3]);
        StringAssert.StartsWith(lines[4], "error: line 5: field \"pk\" is not hex");
        Assert.AreEqual("false", lines[5], "a truncated signature is a wrong signature, not a malformed line");
        Assert.AreEqual("error: line 7: expected a JSON object", lines[6]);
        Assert.AreEqual("true", lines[7]);
        Assert.AreEqual(1, exitCode, "malformed lines make the exit code 1");
    }

    [TestMethod]
    public void VerifyExitsZeroWhenEveryLineWasWellFormed()
    {
        var (exitCode, output, _) = CliRunner.Run($$"""{"pk":"{{Public1}}","msg":"","sig":"{{Signature1}}"}""" + "\n", "crypto", "verify");
        Assert.AreEqual(0, exitCode);
        Assert.AreEqual("true", CliRunner.Lines(output).Single());
    }

    [TestMethod]
    public void VerifyGetsEveryWycheproofVerdictRight()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "vectors", "wycheproof", "ed25519_test.json")));
        var input = new StringBuilder();
        var expected = new List<string>();
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            string pk = group.GetProperty("publicKey").GetProperty("pk").GetString()!;
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                input.Append($$"""{"pk":"{{pk}}","msg":"{{test.GetProperty("msg").GetString()}}","sig":"{{test.GetProperty("sig").GetString()}}"}""").Append('\n');
                expected.Add(test.GetProperty("result").GetString() == "valid" ? "true" : "false");
            }
        }
        var (exitCode, output, _) = CliRunner.Run(input.ToString(), "crypto", "verify");
        Assert.AreEqual(0, exitCode);
        CollectionAssert.AreEqual(expected, CliRunner.Lines(output));
    }

    [TestMethod]
    public void SignReproducesRfc8032AndReportsMalformedLines()
    {
        var (exitCode, output, _) = CliRunner.Run("{\"msg\":\"\"}\n{\"message\":\"72\"}\n{\"msg\":\"\"}\n", "crypto", "sign", "--seed", Seed1);
        string[] lines = CliRunner.Lines(output);
        Assert.AreEqual(Signature1, lines[0]);
        Assert.AreEqual("error: line 2: missing field \"msg\"", lines[1]);
        Assert.AreEqual(Signature1, lines[2]);
        Assert.AreEqual(1, exitCode);
    }

    [TestMethod]
    public void SignRefusesASeedThatIsNot32Bytes()
    {
        var (exitCode, output, error) = CliRunner.Run("{\"msg\":\"\"}\n", "crypto", "sign", "--seed", "abcd");
        Assert.AreEqual(2, exitCode);
        Assert.AreEqual("", output);
        StringAssert.Contains(error, "--seed must be 64 hex digits");
    }

    [TestMethod]
    public void SignAndVerifyRoundTripThroughTheCommandLine()
    {
        var random = new Random(7);
        var messages = Enumerable.Range(0, 20).Select(i => { var m = new byte[i * 13]; random.NextBytes(m); return Convert.ToHexStringLower(m); }).ToList();
        var (_, signatures, _) = CliRunner.Run(string.Concat(messages.Select(m => $$"""{"msg":"{{m}}"}""" + "\n")), "crypto", "sign", "--seed", Seed1);
        string[] sigs = CliRunner.Lines(signatures);
        string verifyInput = string.Concat(messages.Select((m, i) => $$"""{"pk":"{{Public1}}","msg":"{{m}}","sig":"{{sigs[i]}}"}""" + "\n"));
        var (exitCode, output, _) = CliRunner.Run(verifyInput, "crypto", "verify");
        Assert.AreEqual(0, exitCode);
        Assert.IsTrue(CliRunner.Lines(output).All(l => l == "true"));
        Assert.HasCount(20, CliRunner.Lines(output));
    }

    [TestMethod]
    public void BenchReportsBothRatesTheirRatioAndFieldOperations()
    {
        var (exitCode, output, _) = CliRunner.Run("", "crypto", "bench", "--signatures", "2", "--rounds", "1", "--round-ms", "1", "--json");
        Assert.AreEqual(0, exitCode);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        double core = r.GetProperty("core_verifies_per_second").GetDouble();
        double sodium = r.GetProperty("libsodium_verifies_per_second").GetDouble();
        Assert.IsGreaterThan(0.0, core);
        Assert.IsGreaterThan(0.0, sodium);
        // The printed rates are rounded; under load a 1 ms round gives few verifies, so allow 1% of the ratio.
        double ratio = sodium / core;
        Assert.AreEqual(ratio, r.GetProperty("libsodium_over_core").GetDouble(), Math.Max(0.02, ratio * 0.01));
        // A 253-bit double-scalar multiplication needs at least 253 doublings of 4 squarings each.
        Assert.IsGreaterThan(1012.0, r.GetProperty("verify_field_squarings").GetDouble());
        Assert.IsGreaterThan(500.0, r.GetProperty("verify_field_multiplications").GetDouble());
        Assert.IsGreaterThan(1000L, r.GetProperty("sign_field_multiplications").GetInt64());
    }
}
