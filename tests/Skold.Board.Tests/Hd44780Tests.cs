using Skold.Board.Display;
using Skold.Board.Tests.Models;

namespace Skold.Board.Tests;

[TestClass]
public class Hd44780Tests
{
    private static (Hd44780Model Chip, Hd44780 Display) Started()
    {
        var chip = new Hd44780Model();
        var display = new Hd44780(chip);
        display.Start();
        return (chip, display);
    }

    [TestMethod]
    public void StartFollowsTheDatasheets4BitInitialisationAndClearsTheScreen()
    {
        (Hd44780Model chip, _) = Started();
        CollectionAssert.AreEqual(Array.Empty<string>(), chip.Violations);
        Assert.IsTrue(chip.FourBitMode);
        Assert.IsTrue(chip.TwoLines);
        Assert.IsTrue(chip.DisplayOn);
        Assert.IsFalse(chip.CursorOn);
        foreach (string row in chip.Screen)
        {
            Assert.AreEqual(new string(' ', 20), row);
        }
        Assert.IsTrue(chip.ElapsedMicroseconds >= 40000 + 4100 + 100 + 1520, "the datasheet's waits add up to at least this");
    }

    [TestMethod]
    public void StartWorksAgainWhenTheControllerIsAlreadyIn4BitMode()
    {
        // The ESP32 reboots while the display keeps power: the controller is mid-way in 4-bit mode.
        (Hd44780Model chip, Hd44780 display) = Started();
        display.Show(["old", "text", "", ""]);
        display.Start();
        display.Show(["Hej", "", "", "rad 4"]);
        CollectionAssert.AreEqual(Array.Empty<string>(), chip.Violations);
        Assert.AreEqual("Hej".PadRight(20), chip.Row(0));
        Assert.AreEqual("".PadRight(20), chip.Row(1));
        Assert.AreEqual("rad 4".PadRight(20), chip.Row(3));
    }

    [TestMethod]
    public void TheModelCatchesADriverThatDoesNotWait()
    {
        var chip = new Hd44780Model();
        var display = new Hd44780(new NoWaiting(chip));
        display.Start();
        Assert.IsTrue(chip.Violations.Count > 0, "a driver without the datasheet's waits must be caught");
    }

    [TestMethod]
    public void RowsGoToTheirDdramAddressesOnA20x4Module()
    {
        (Hd44780Model chip, Hd44780 display) = Started();
        string[] lines = ["first row 1234567890", "second row 12345678X", "third row 1234567890", "fourth row 123456789"];
        display.Show(lines);
        CollectionAssert.AreEqual(lines, chip.Screen);
        CollectionAssert.AreEqual(new[] { 0x00, 0x40, 0x14, 0x54 }, Enumerable.Range(0, 4).Select(Hd44780.RowAddress).ToArray());
        CollectionAssert.AreEqual(Array.Empty<string>(), chip.Violations);
    }

    [TestMethod]
    public void SwedishLettersShowFromRomAndCgram()
    {
        (Hd44780Model chip, Hd44780 display) = Started();
        display.Show(["Ångra återlämnat", "Östra Äng: smör", "Låst. Vänta 5 min", "Operatör nr, sen #"]);
        Assert.AreEqual("Ångra återlämnat".PadRight(20), chip.Row(0));
        Assert.AreEqual("Östra Äng: smör".PadRight(20), chip.Row(1));
        Assert.AreEqual("Låst. Vänta 5 min".PadRight(20), chip.Row(2));
        Assert.AreEqual("Operatör nr, sen #".PadRight(20), chip.Row(3));
    }

    [TestMethod]
    public void CharactersTheRomLacksShowAsAQuestionMarkNotAsAnotherLetter()
    {
        (Hd44780Model chip, Hd44780 display) = Started();
        display.Show([@"a\b~c€d", "éÉü°", "", ""]);
        Assert.AreEqual("a?b?c?d".PadRight(20), chip.Row(0), "A00 has a yen sign at 0x5C and an arrow at 0x7E");
        Assert.AreEqual("eEü°".PadRight(20), chip.Row(1));
    }

    [TestMethod]
    public void LongLinesAreCutAtTwentyColumnsAndDoNotSpillIntoTheNextRow()
    {
        (Hd44780Model chip, Hd44780 display) = Started();
        display.Show(["0123456789abcdefghijKLMNOP", "", "", ""]);
        Assert.AreEqual("0123456789abcdefghij", chip.Row(0));
        Assert.AreEqual(new string(' ', 20), chip.Row(2), "row 3 continues row 1's DDRAM at 0x14");
    }

    [TestMethod]
    public void OnlyRowsThatChangedAreWritten()
    {
        (Hd44780Model chip, Hd44780 display) = Started();
        Assert.AreEqual(2, display.Show(["A", "B", "", ""]), "blank rows are already blank after the clear");
        int writes = chip.DataWrites;
        Assert.AreEqual(0, display.Show(["A", "B", "", ""]));
        Assert.AreEqual(writes, chip.DataWrites, "an unchanged screen sends nothing");
        Assert.AreEqual(1, display.Show(["A", "B", "C", ""]));
        Assert.AreEqual(writes + 20, chip.DataWrites, "one changed row is one row of characters");
        Assert.AreEqual("C".PadRight(20), chip.Row(2));
    }

    [TestMethod]
    public void TheScreenShowsExactlyTheKiosksLinesThroughAWholeShift()
    {
        var bench = new StationBench("Östra Äng");
        (Hd44780Model chip, Hd44780 display) = Started();
        uint now = StationBench.Start + 3600;
        display.Show(bench.Lines);
        CollectionAssert.AreEqual(bench.Lines, chip.Screen);
        StringAssert.Contains(chip.Row(0), "Östra Äng");
        StringAssert.Contains(chip.Row(1), "Operatör");
        string keys = "1#1234#" + "C150#*" + "A" + StationBench.Card(1) + "#1#*" + "D1#*" + "D3**" + "*";
        var seen = new HashSet<char>();
        foreach (char key in keys)
        {
            bench.Kiosk.Press(key, ++now);
            display.Show(bench.Lines);
            CollectionAssert.AreEqual(bench.Lines, chip.Screen, $"after key {key}");
            foreach (string row in chip.Screen)
            {
                seen.UnionWith(row.Where(c => c > 127));
            }
        }
        Assert.AreEqual(0, bench.Kiosk.CutLines);
        Assert.IsTrue(seen.IsSupersetOf(['ä', 'ö', 'å', 'Å', 'Ä', 'Ö']), "the shift showed " + new string(seen.ToArray()));
        CollectionAssert.AreEqual(Array.Empty<string>(), chip.Violations);
    }

    /// <summary>Passes every wire through but skips the waits.</summary>
    private sealed class NoWaiting(IHd44780Pins inner) : IHd44780Pins
    {
        public void SetRegisterSelect(bool data) => inner.SetRegisterSelect(data);

        public void SetEnable(bool high) => inner.SetEnable(high);

        public void SetData(int nibble) => inner.SetData(nibble);

        public void DelayMicroseconds(int microseconds)
        {
        }
    }
}
