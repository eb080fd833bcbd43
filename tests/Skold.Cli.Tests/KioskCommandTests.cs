using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Cli.Tests;

[TestClass]
public class KioskCommandTests
{
    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "skold-kiosk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static JsonElement Verify(string journal, int expectedExit)
    {
        var (exit, output, error) = CliRunner.Run("", "journal", "verify", journal, "--json");
        Assert.AreEqual(expectedExit, exit, output + error);
        return JsonDocument.Parse(CliRunner.Lines(output).Single()).RootElement.Clone();
    }

    [TestMethod]
    public void TheReadmePracticeShiftRunsAndLeavesAValidSignedJournal()
    {
        string journal = Path.Combine(TempDir(), "practice.bin");
        var (exit, output, error) = CliRunner.Run("", "kiosk", "practice", "--journal", journal, "--english", "--script", "first-shift.keys", "--time", "2026-11-24T08:00Z");
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "A practice station was made");
        StringAssert.Contains(output, "|Quota reached:      |");
        StringAssert.Contains(output, "|Exception given:    |");
        StringAssert.Contains(output, "|Return one first:   |");
        StringAssert.Contains(output, "|Undone:             |");
        StringAssert.Contains(output, "|Households: 3       |");
        StringAssert.Contains(output, "long tone, red LED: refused");
        JsonElement result = Verify(journal, 0);
        Assert.IsTrue(result.GetProperty("valid").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.AreEqual(0, result.GetProperty("torn_tail_bytes").GetInt32());

        var (csvExit, csv, _) = CliRunner.Run("", "journal", "export", journal, "--csv");
        Assert.AreEqual(0, csvExit);
        string[] lines = CliRunner.Lines(csv);
        Assert.AreEqual("sequence,kind,time,operator,household,item,quantity,neighbour1,neighbour2,target,detail", lines[0]);
        Assert.AreEqual(4, lines.Count(l => l.Split(',')[1] == "hand-out"));
        Assert.AreEqual(1, lines.Count(l => l.Split(',')[1] == "exception"));
        Assert.AreEqual(1, lines.Count(l => l.Split(',')[1] == "undo"));
        Assert.IsFalse(csv.Contains("1000009"), "card numbers never reach the journal");

        // A second session continues the same journal.
        var (again, _, againError) = CliRunner.Run("1#1234#\n*\n", "kiosk", "practice", "--journal", journal, "--time", "2026-11-24T12:00Z");
        Assert.AreEqual(0, again, againError);
        Assert.IsTrue(Verify(journal, 0).GetProperty("records").GetInt32() > result.GetProperty("records").GetInt32());
    }

    [TestMethod]
    public void SimulateWritesAJournalThatVerifiesAndExports()
    {
        string journal = Path.Combine(TempDir(), "day.bin");
        var (exit, output, error) = CliRunner.Run("", "kiosk", "simulate", "--journal", journal, "--records", "1500", "--seed", "4");
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "households served");
        StringAssert.Contains(output, "Quota reached");
        JsonElement result = Verify(journal, 0);
        Assert.IsTrue(result.GetProperty("records").GetInt32() >= 1500);
        var (exportExit, json, _) = CliRunner.Run("", "journal", "export", journal, "--json");
        Assert.AreEqual(0, exportExit);
        JsonElement[] records = JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();
        Assert.AreEqual(result.GetProperty("records").GetInt32(), records.Length);
        Assert.AreEqual("opened", records[0].GetProperty("kind").GetString());
        Assert.IsTrue(records.Count(r => r.GetProperty("kind").GetString() == "exception") > 0);
        Assert.IsTrue(records.All(r => r.GetProperty("sequence").GetInt32() > 0));
    }

    [TestMethod]
    public void VerifyTellsATornTailFromDamageAndTampering()
    {
        string dir = TempDir();
        string journal = Path.Combine(dir, "j.bin");
        Assert.AreEqual(0, CliRunner.Run("", "kiosk", "simulate", "--journal", journal, "--records", "400", "--seed", "2").ExitCode);
        byte[] bytes = File.ReadAllBytes(journal);
        int end = Array.FindLastIndex(bytes, b => b != 0xff) + 1;

        // A file cut in the middle of its last record: the records before it stand.
        string cut = Path.Combine(dir, "cut.bin");
        File.WriteAllBytes(cut, bytes[..(end - 20)]);
        JsonElement torn = Verify(cut, 0);
        Assert.IsTrue(torn.GetProperty("valid").GetBoolean());
        Assert.IsTrue(torn.GetProperty("torn_tail_bytes").GetInt32() > 0);
        Assert.IsTrue(torn.GetProperty("records").GetInt32() >= 399);

        // One byte changed in the middle.
        string damaged = Path.Combine(dir, "damaged.bin");
        byte[] copy = (byte[])bytes.Clone();
        copy[end / 2] ^= 0x04;
        File.WriteAllBytes(damaged, copy);
        JsonElement bad = Verify(damaged, 1);
        Assert.IsFalse(bad.GetProperty("valid").GetBoolean());
        StringAssert.Contains(bad.GetProperty("error").GetString(), "damaged");
        var (text, output, _) = CliRunner.Run("", "journal", "verify", damaged);
        Assert.AreEqual(1, text);
        StringAssert.StartsWith(output, "DAMAGED:");

        // Stray bytes after the end (an edit appended without the chain) are not a torn tail.
        string appended = Path.Combine(dir, "appended.bin");
        copy = (byte[])bytes.Clone();
        copy[end + 500] = 0x42;
        File.WriteAllBytes(appended, copy);
        Assert.IsFalse(Verify(appended, 1).GetProperty("valid").GetBoolean());

        var (missing, _, missingError) = CliRunner.Run("", "journal", "verify", Path.Combine(dir, "none.bin"), "--json");
        Assert.AreEqual(2, missing);
        StringAssert.Contains(missingError, "no such file");
    }

    [TestMethod]
    public void ABadScriptKeyIsAnErrorNotACrash()
    {
        string dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "bad.keys"), "1#1234#\nX\n");
        var (exit, _, error) = CliRunner.Run("", "kiosk", "practice", "--journal", Path.Combine(dir, "j.bin"), "--script", Path.Combine(dir, "bad.keys"));
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "'X' is not a keypad key");
    }
}
