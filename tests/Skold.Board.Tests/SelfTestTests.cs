using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Radio.Model;
using Skold.Radio.Sx127x;
using Skold.Station;

namespace Skold.Board.Tests;

[TestClass]
public class SelfTestTests
{
    /// <summary>The board's self-test hardware on host: a scratch "file" and the SX1276 register model behind our driver.</summary>
    private sealed class Bench : ISelfTestHardware
    {
        public readonly KeypadMatrix Keys = new();
        public readonly Hd44780Model Screen = new();
        public readonly SignalRecorder Signals = new();
        public readonly SimulatedSx1276 Chip = new();
        public readonly SelfTest Test;
        public byte[]? Scratch;
        public int FlipByte = -1;
        public bool FlashThrows;
        public long NowMs;

        public Bench()
        {
            var keypad = new KeypadScanner(Keys, KeypadLayout.Standard, KeypadScanner.DefaultStableScans);
            Test = new SelfTest(new Hd44780(Screen), keypad, new SignalPlayer(Signals), this);
        }

        public void WriteScratch(byte[] data)
        {
            if (FlashThrows)
            {
                throw new IOException("drive I: not mounted");
            }
            Scratch = (byte[])data.Clone();
        }

        public int ReadScratch(byte[] buffer)
        {
            Scratch!.CopyTo(buffer, 0);
            if (FlipByte >= 0)
            {
                buffer[FlipByte] ^= 0x40;
            }
            return Scratch.Length;
        }

        public void DeleteScratch() => Scratch = null;

        public int RadioVersion() => new Sx127x(Chip, Chip).ReadRegister(Registers.Version);

        public void Run(long ms)
        {
            for (long end = NowMs + ms; NowMs < end;)
            {
                NowMs += 10;
                Signals.Now = NowMs;
                Test.Step(NowMs);
            }
        }

        public void Type(string keys)
        {
            foreach (char key in keys)
            {
                Keys.Press(key);
                Run(80);
                Keys.Release(key);
                Run(80);
            }
        }

        /// <summary>A technician who sees and hears everything right.</summary>
        public void PassEverything()
        {
            Test.Start(NowMs);
            Type("#");
            Type(KeypadLayout.Standard);
            Run(3 * SelfTest.SignalStepMs);
            Type("#");
        }
    }

    [TestMethod]
    public void AGoodBoardPassesEveryCheckAndTheScreenSaysSo()
    {
        var bench = new Bench();
        bench.Test.Start(0);
        Assert.AreEqual("2 åäöÅÄÖ 0123456789 ", bench.Screen.Row(1), "the pattern uses ROM and CGRAM letters");
        bench.Type("#");
        StringAssert.StartsWith(bench.Screen.Row(0), "Press every key");
        bench.Type("123A");
        Assert.AreEqual("....456B789C*0#D".PadRight(20), bench.Screen.Row(1), "pressed keys are crossed off");
        bench.Type("456B789C*0#D");
        Assert.AreEqual(SelfTest.Pass, bench.Test.Verdict(SelfTest.Keys));
        bench.Run(3 * SelfTest.SignalStepMs);
        Assert.IsTrue(bench.Signals.LedChanges.Select(l => l.Mask).Where(m => m != 0).SequenceEqual([KioskSignal.GreenLed, KioskSignal.RedLed, KioskSignal.AmberLed]));
        Assert.IsTrue(bench.Signals.Tones.Any(t => t.Hz == 800) && bench.Signals.Tones.Any(t => t.Hz == 2700));
        bench.Type("#");
        Assert.IsTrue(bench.Test.Finished);
        for (int check = 0; check < SelfTest.Count; check++)
        {
            Assert.AreEqual(SelfTest.Pass, bench.Test.Verdict(check), $"check {check}: {bench.Test.Detail(check)}");
        }
        Assert.AreEqual("4096 bytes verified", bench.Test.Detail(SelfTest.Flash));
        Assert.IsNull(bench.Scratch, "the scratch file is removed");
        CollectionAssert.AreEqual(new[] { "LCD ok    Keys ok", "Sound ok  Flash ok", "Radio ok", "#: test again" }.Select(l => l.PadRight(20)).ToArray(), bench.Screen.Screen);
        CollectionAssert.AreEqual(Array.Empty<string>(), bench.Screen.Violations);
    }

    [TestMethod]
    public void AMissingRadioAndBadFlashFailWithTheirReasons()
    {
        var bench = new Bench { FlipByte = 1000 };
        bench.Chip.Absent = true;
        bench.PassEverything();
        Assert.AreEqual(SelfTest.Fail, bench.Test.Verdict(SelfTest.Flash));
        Assert.AreEqual("byte 1000 differs", bench.Test.Detail(SelfTest.Flash));
        Assert.AreEqual(SelfTest.Fail, bench.Test.Verdict(SelfTest.Radio));
        StringAssert.Contains(bench.Test.Detail(SelfTest.Radio), "check SPI wiring");
        Assert.AreEqual("Sound ok  Flash BAD".PadRight(20), bench.Screen.Row(1));
        Assert.AreEqual("Radio BAD".PadRight(20), bench.Screen.Row(2));
    }

    [TestMethod]
    public void AFlashErrorIsAFailNotACrash()
    {
        var bench = new Bench { FlashThrows = true };
        bench.PassEverything();
        Assert.AreEqual("drive I: not mounted", bench.Test.Detail(SelfTest.Flash));
        Assert.AreEqual(SelfTest.Pass, bench.Test.Verdict(SelfTest.Radio));
    }

    [TestMethod]
    public void ADeadKeyFailsTheKeyCheckAfterTheTimeoutAndNamesIt()
    {
        var bench = new Bench();
        bench.Test.Start(0);
        bench.Type("#");
        bench.Type("123A456B789C*0#"); // D never closes
        bench.Run(SelfTest.AnswerMs);
        Assert.AreEqual(SelfTest.Fail, bench.Test.Verdict(SelfTest.Keys));
        Assert.AreEqual("not pressed: D", bench.Test.Detail(SelfTest.Keys));
    }

    [TestMethod]
    public void ATechnicianWhoSeesAWrongPatternFailsTheDisplay()
    {
        var bench = new Bench();
        bench.Test.Start(0);
        bench.Type("*");
        Assert.AreEqual(SelfTest.Fail, bench.Test.Verdict(SelfTest.Display));
        StringAssert.StartsWith(bench.Screen.Row(0), "Press every key");
    }

    [TestMethod]
    public void HashOnTheSummaryRunsItAgain()
    {
        var bench = new Bench();
        bench.PassEverything();
        bench.Type("#");
        Assert.IsFalse(bench.Test.Finished);
        Assert.AreEqual(SelfTest.Pending, bench.Test.Verdict(SelfTest.Keys));
    }

    [TestMethod]
    public void TheBootKeyHeldAloneStartsTheSelfTest()
    {
        var matrix = new KeypadMatrix();
        var keypad = new KeypadScanner(matrix, KeypadLayout.Standard, KeypadScanner.DefaultStableScans);
        Assert.IsFalse(SelfTest.Requested(keypad, 5));
        matrix.Press(SelfTest.BootKey);
        Assert.IsTrue(SelfTest.Requested(keypad, 5));
        matrix.Press('1');
        Assert.IsFalse(SelfTest.Requested(keypad, 5), "with another key it is a slip, not a request");
    }
}
