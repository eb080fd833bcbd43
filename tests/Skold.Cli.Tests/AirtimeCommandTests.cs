using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Cli.Tests;

[TestClass]
public class AirtimeCommandTests
{
    // Time on air and total symbols from tests/vectors/airtime/reference.py.
    [TestMethod]
    [DataRow("56.576", "55.25", new[] { "--sf", "7", "--bw", "125", "--cr", "5", "--payload", "20" })]
    [DataRow("1250.304", "305.25", new[] { "--sf", "9", "--bw", "125", "--cr", "5", "--payload", "255" })]
    [DataRow("9019.392", "275.25", new[] { "--sf", "12", "--bw", "125", "--cr", "5", "--payload", "255" })]
    [DataRow("2138.112", "65.25", new[] { "--sf", "12", "--bw", "125", "--cr", "5", "--payload", "51", "--ldro", "off" })]
    [DataRow("513.024", "125.25", new[] { "--sf", "10", "--bw", "250", "--cr", "5", "--payload", "100" })]
    [DataRow("82.432", "40.25", new[] { "--sf", "8", "--bw", "125", "--cr", "5", "--payload", "16", "--implicit-header" })]
    [DataRow("82.176", "80.25", new[] { "--sf", "7", "--bw", "125", "--cr", "6", "--payload", "32", "--no-crc" })]
    [DataRow("20.608", "40.25", new[] { "--sf", "6", "--bw", "125", "--cr", "5", "--payload", "10", "--implicit-header" })]
    [DataRow("66.816", "65.25", new[] { "--sf", "7", "--bw", "125", "--cr", "5", "--payload", "20", "--ldro", "on" })]
    [DataRow("397.312", "24.25", new[] { "--sf", "11", "--bw", "125", "--cr", "8", "--payload", "0", "--preamble", "12" })]
    [DataRow("1069.056", "65.25", new[] { "--sf", "7", "--bw", "7.8", "--cr", "5", "--payload", "20" })]
    [DataRow("1539.072", "125.25", new[] { "--sf", "9", "--bw", "41.7", "--cr", "7", "--payload", "64" })]
    public void JsonGivesMillisecondsAndSymbols(string ms, string symbols, string[] options)
    {
        var (exitCode, output, error) = CliRunner.Run("", ["airtime", .. options, "--json"]);
        Assert.AreEqual(0, exitCode, error);
        string line = CliRunner.Lines(output).Single();
        Assert.AreEqual($"{{\"ms\": {ms}, \"symbols\": {symbols}}}", line);
        using var doc = JsonDocument.Parse(line);
        Assert.AreEqual(decimal.Parse(ms, System.Globalization.CultureInfo.InvariantCulture), doc.RootElement.GetProperty("ms").GetDecimal());
    }

    [TestMethod]
    public void BandwidthIsReadAsDecimalKilohertz()
    {
        Assert.AreEqual("{\"ms\": 452.608, \"symbols\": 55.25}", Json("--sf", "7", "--bw", "15.6", "--cr", "5", "--payload", "20"));
        Assert.AreEqual("{\"ms\": 113.152, \"symbols\": 55.25}", Json("--sf", "7", "--bw", "62.5", "--cr", "5", "--payload", "20"));
        Assert.AreEqual("{\"ms\": 226.304, \"symbols\": 55.25}", Json("--sf", "7", "--bw", "31.25", "--cr", "5", "--payload", "20"));
        Assert.AreEqual("{\"ms\": 56.576, \"symbols\": 55.25}", Json("--sf", "7", "--bw", "125.0", "--cr", "5", "--payload", "20"));
    }

    [TestMethod]
    public void SummaryShowsTheFormulaPartsAndFramesPerHour()
    {
        var (exitCode, output, _) = CliRunner.Run("", "airtime", "--sf", "9", "--bw", "125", "--cr", "5", "--payload", "255");
        Assert.AreEqual(0, exitCode);
        StringAssert.Contains(output, "symbol time       4.096 ms");
        StringAssert.Contains(output, "preamble          12.25 symbols (8 + 4.25), 50.176 ms");
        StringAssert.Contains(output, "payload symbols   293");
        StringAssert.Contains(output, "LDRO              off (auto)");
        StringAssert.Contains(output, "time on air       1250.304 ms (305.25 symbols)");
        // 36 s / 1.250304 s = 28.8 and 360 s / 1.250304 s = 287.9 whole frames.
        StringAssert.Contains(output, "1% sub-bands (h1.4, h1.7: 36 s an hour)   28");
        StringAssert.Contains(output, "10% sub-band (h1.6: 360 s an hour)        287");
    }

    [TestMethod]
    public void SummaryShowsLdroSwitchedOnByItselfAtSf12()
    {
        var (exitCode, output, _) = CliRunner.Run("", "airtime", "--sf", "12", "--bw", "125", "--cr", "5", "--payload", "255");
        Assert.AreEqual(0, exitCode);
        StringAssert.Contains(output, "LDRO              on (auto)");
        StringAssert.Contains(output, "time on air       9019.392 ms");
        StringAssert.Contains(output, "1% sub-bands (h1.4, h1.7: 36 s an hour)   3");
    }

    [TestMethod]
    [DataRow("--sf is required", new[] { "--bw", "125", "--cr", "5", "--payload", "20" })]
    [DataRow("--bw is required", new[] { "--sf", "7", "--cr", "5", "--payload", "20" })]
    [DataRow("--sf must be a whole number 6..12, not \"13\"", new[] { "--sf", "13", "--bw", "125", "--cr", "5", "--payload", "20" })]
    [DataRow("--sf must be a whole number 6..12, not \"seven\"", new[] { "--sf", "seven", "--bw", "125", "--cr", "5", "--payload", "20" })]
    [DataRow("--sf 6 needs --implicit-header", new[] { "--sf", "6", "--bw", "125", "--cr", "5", "--payload", "20" })]
    [DataRow("--bw must be one of 7.8, 10.4, 15.6, 20.8, 31.25, 41.7, 62.5, 125, 250, 500 (kHz), not \"100\"", new[] { "--sf", "7", "--bw", "100", "--cr", "5", "--payload", "20" })]
    [DataRow("--bw must be one of", new[] { "--sf", "7", "--bw", "125000", "--cr", "5", "--payload", "20" })]
    [DataRow("--cr must be a whole number 5..8, not \"4\"", new[] { "--sf", "7", "--bw", "125", "--cr", "4", "--payload", "20" })]
    [DataRow("--payload must be a whole number 0..255, not \"256\"", new[] { "--sf", "7", "--bw", "125", "--cr", "5", "--payload", "256" })]
    [DataRow("--preamble must be a whole number 6..65535, not \"5\"", new[] { "--sf", "7", "--bw", "125", "--cr", "5", "--payload", "20", "--preamble", "5" })]
    [DataRow("--ldro must be auto, on or off, not \"yes\"", new[] { "--sf", "7", "--bw", "125", "--cr", "5", "--payload", "20", "--ldro", "yes" })]
    public void InvalidInputIsAnErrorWithExitCodeTwo(string message, string[] options)
    {
        var (exitCode, output, error) = CliRunner.Run("", ["airtime", .. options, "--json"]);
        Assert.AreEqual(2, exitCode);
        Assert.AreEqual("", output);
        StringAssert.StartsWith(error, "error: " + message);
    }

    private static string Json(params string[] options)
    {
        var (exitCode, output, error) = CliRunner.Run("", ["airtime", .. options, "--json"]);
        Assert.AreEqual(0, exitCode, error);
        return CliRunner.Lines(output).Single();
    }
}
