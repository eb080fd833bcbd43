using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

/// <summary>The whole board loop on host models: keypad matrix in, HD44780 and buzzer/LEDs out, journal in RAM flash, reports on a fake radio.</summary>
public sealed class LoopBench
{
    public const long PassMs = 10;

    public readonly ProvisionedKiosk Provisioned = new();
    public readonly MemoryJournalStorage Flash = new(65536);
    public readonly KeypadMatrix Keys = new();
    public readonly Hd44780Model Screen = new();
    public readonly SignalRecorder Signals = new();
    public readonly RadioLog Radio = new();
    public readonly KioskStation Station;
    public readonly KioskLoop Loop;
    public readonly Hd44780 Display;
    public long NowMs;
    public uint Utc = TestCouncil.Now;

    public LoopBench()
    {
        Station = KioskStation.Open(Provisioned.File, Flash, Provisioned.RulesOrder(), Utc, Provisioned.Ed);
        Assert.IsNull(Station.Problem, Station.Problem);
        Display = new Hd44780(Screen);
        Loop = new KioskLoop(Station, new KeypadScanner(Keys, KeypadLayout.Standard, KeypadScanner.DefaultStableScans),
            Display, new SignalPlayer(Signals));
        Loop.Start(NowMs);
    }

    /// <summary>Runs the loop for ms milliseconds, one pass every PassMs; the UTC clock follows.</summary>
    public void Run(long ms)
    {
        for (long end = NowMs + ms; NowMs < end;)
        {
            NowMs += PassMs;
            Utc = TestCouncil.Now + (uint)(NowMs / 1000);
            Signals.Now = NowMs;
            Loop.Step(NowMs, Utc);
        }
    }

    /// <summary>Presses each key for 80 ms and lets go for 80 ms, as a hand does.</summary>
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

    public string[] KioskLines => [.. Enumerable.Range(0, 4).Select(Station.Kiosk!.Line)];

    public sealed class RadioLog : IFrameRadio
    {
        public List<(long At, byte[] Frame)> Sent { get; } = [];

        public void Transmit(byte[] frame, long nowMs) => Sent.Add((nowMs, frame));
    }
}

[TestClass]
public class KioskLoopTests
{
    [TestMethod]
    public void KeysOnTheMatrixDriveTheKioskAndTheScreenShowsItsLines()
    {
        var bench = new LoopBench();
        CollectionAssert.AreEqual(bench.KioskLines, bench.Screen.Screen);
        bench.Type("1#1234#");
        Assert.AreEqual(1, bench.Station.Kiosk!.Operator);
        Assert.AreEqual(7, bench.Loop.KeysPressed);
        CollectionAssert.AreEqual(bench.KioskLines, bench.Screen.Screen);
        StringAssert.StartsWith(bench.Screen.Row(1), "A Dela ut  B Retur");
        bench.Type("C250#");
        StringAssert.StartsWith(bench.Screen.Row(0), "Leverans sparad:");
        CollectionAssert.AreEqual(Array.Empty<string>(), bench.Screen.Violations);
    }

    [TestMethod]
    public void AHandOutBeepsGreenAndARefusalSoundsLowWithTheRedLed()
    {
        var bench = new LoopBench();
        bench.Type("1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2");
        bench.Signals.Tones.Clear();
        bench.Signals.LedChanges.Clear();
        bench.Type("#");
        Assert.AreEqual((bench.Signals.Tones[0].At, 2700), bench.Signals.Tones[0], "done: the bright beep");
        Assert.AreEqual(KioskSignal.GreenLed, bench.Signals.LedChanges[0].Mask);
        StringAssert.StartsWith(bench.Screen.Row(0), "Utdelat:");
        // Food: 2 a period; a third refused.
        bench.Type("#" + ProvisionedKiosk.Card(1) + "#2#");
        bench.Signals.Tones.Clear();
        bench.Signals.LedChanges.Clear();
        bench.Type("#" + ProvisionedKiosk.Card(1) + "#2#");
        Assert.IsTrue(bench.Signals.Tones.Any(t => t.Hz == 800), "refused: the low tone");
        Assert.IsTrue(bench.Signals.LedChanges.Any(l => l.Mask == KioskSignal.RedLed));
        StringAssert.StartsWith(bench.Screen.Row(0), "Kvoten är nådd:");
        CollectionAssert.AreEqual(bench.KioskLines, bench.Screen.Screen);
    }

    [TestMethod]
    public void AnIdleOperatorIsLoggedOutByTheLoopsTick()
    {
        var bench = new LoopBench();
        bench.Type("1#1234#");
        bench.Run(901_000);
        Assert.AreEqual(0, bench.Station.Kiosk!.Operator);
        Assert.AreEqual("Utloggad: inaktiv".PadRight(20), bench.Screen.Row(3));
        Assert.AreEqual(KioskSignal.AmberLed, bench.Signals.LedChanges.Last(l => l.Mask != 0).Mask);
    }

    [TestMethod]
    public void StationReportsGoOutSignedAndDecodeAsTheBooksSituation()
    {
        var bench = new LoopBench();
        var p = bench.Provisioned;
        var reporter = new StationReporter(p.Registry, ProvisionedKiosk.StationId, p.Ed.CreatePrivateKey(ProvisionedKiosk.DeviceSeed), p.Ed,
            new LoRaModulation(9, 125000, 5), DutyCycleAccountant.ForFrequency(869_525_000, false), bench.NowMs + 60_000);
        bench.Loop.SendReports(reporter, bench.Radio);
        bench.Loop.BatteryMillivolts = 3712;
        bench.Type("1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2#");
        Assert.AreEqual(0, bench.Radio.Sent.Count, "not before the first is due");
        bench.Run(60_000);
        Assert.AreEqual(1, bench.Radio.Sent.Count);
        byte[] data = bench.Radio.Sent[0].Frame;
        Frame frame = Frame.Decode(data, 0, data.Length);
        Assert.AreEqual(FrameType.Report, frame.Type);
        Assert.AreEqual(0x8000 + ProvisionedKiosk.StationId, frame.Sender, "not relay 3's own number");
        Assert.IsTrue(StationReportSignature.Verify(p.Registry, frame.Payload, p.Ed));
        StationReport report = StationReport.Decode(frame.Payload, 2, frame.Payload.Length - StationReportSignature.Overhead);
        Assert.AreEqual(1, report.HandOuts);
        Assert.AreEqual(3712, report.BatteryMillivolts);
        Assert.AreEqual(bench.Station.Journal!.Records, report.JournalRecords);
        bench.Run(15 * 60_000);
        Assert.AreEqual(2, bench.Radio.Sent.Count, "then every 15 minutes");
    }

    [TestMethod]
    public void ReportsWaitForTheDutyCycle()
    {
        var p = new ProvisionedKiosk();
        var bench = new StationBench();
        var duty = DutyCycleAccountant.ForFrequency(868_100_000, false); // 1 %: 36 s of airtime an hour
        var reporter = new StationReporter(p.Registry, 3, p.Ed.CreatePrivateKey(ProvisionedKiosk.DeviceSeed), p.Ed,
            new LoRaModulation(12, 125000, 5), duty, 0) { IntervalMs = 1000 };
        int sent = 0;
        for (long t = 0; t < 3_600_000; t += 1000)
        {
            if (reporter.Next(bench.Book, 1, 3700, StationBench.Start, t) is not null)
            {
                sent++;
            }
        }
        Assert.IsTrue(sent is > 0 and < 20, $"{sent} SF12 reports in an hour at 1 %");
        Assert.IsTrue(reporter.Deferred > 0);
        Assert.IsTrue(duty.UsedMicroseconds(3_599_999) <= 36_000_000);
    }

    [TestMethod]
    public void RefreshPutsTheKiosksScreenBackAfterTheSyncScreen()
    {
        var bench = new LoopBench();
        bench.Display.Show(["Synkar med ledger", "Syncing to ledger", "Kommunhuset", ""]);
        Assert.AreEqual("Synkar med ledger".PadRight(20), bench.Screen.Row(0));
        bench.Loop.Refresh();
        CollectionAssert.AreEqual(bench.KioskLines, bench.Screen.Screen);
    }

    [TestMethod]
    public void ShutdownLogsOutAndSignsTheChainHead()
    {
        var bench = new LoopBench();
        bench.Type("1#1234#");
        uint before = bench.Station.Journal!.Records;
        bench.Loop.Shutdown(bench.Utc + 1);
        Assert.AreEqual(0, bench.Station.Kiosk!.Operator);
        Assert.AreEqual(bench.Station.Journal.Records - 1, bench.Station.Journal.CheckpointedRecords, "the last record is the checkpoint over all before it");
        Assert.IsTrue(bench.Station.Journal.Records > before);
        CollectionAssert.AreEqual(bench.KioskLines, bench.Screen.Screen);
    }
}

[TestClass]
public class KioskReportAtRelayTests
{
    private sealed class NoStore : IRelayStore
    {
        public void AppendSeen(long frameKey)
        {
        }

        public void AppendOrder(byte[] message)
        {
        }

        public long[] LoadSeen(int maxCount) => [];

        public byte[][] LoadOrders() => [];
    }

    private sealed class FixedRandom : IRandomSource
    {
        public int Next(int maxExclusive) => 0;
    }

    [TestMethod]
    public void ARelayWithTheStationsNumberStillForwardsTheKiosksReport()
    {
        var p = new ProvisionedKiosk();
        var bench = new StationBench();
        var modulation = new LoRaModulation(9, 125000, 5);
        var reporter = new StationReporter(p.Registry, ProvisionedKiosk.StationId, p.Ed.CreatePrivateKey(ProvisionedKiosk.DeviceSeed), p.Ed,
            modulation, DutyCycleAccountant.ForFrequency(869_525_000, false), 0);
        byte[] frame = reporter.Next(bench.Book, bench.Journal.Records, 0, TestCouncil.Now, 0)!;
        // Relay number 3, the same number as station 3.
        var relay = new RelayEngine(new RelayConfig(ProvisionedKiosk.StationId, modulation, DutyCycleAccountant.ForFrequency(869_525_000, false))
            { CouncilEpochOffsetMs = (TestCouncil.Now - 60) * 1000L }, p.Registry, new CoverageRebroadcastPolicy(45 * 60 * 1000, 0),
            new FixedRandom(), new NoStore(), p.Ed, 0);
        relay.Receive(frame, 0, frame.Length, 50, 10);
        Assert.AreEqual(1, relay.Statistics.ReportsRelayed, "verified and queued for the next hop");
        // Sent with the station number as sender, the relay would have taken it for its own echo.
        Frame echo = Frame.Decode(frame, 0, frame.Length);
        byte[] asOwn = new Frame(echo.Type, echo.HopCount, echo.HopLimit, echo.MessageId, 0, 1, ProvisionedKiosk.StationId, echo.Payload).Encode();
        var other = new RelayEngine(new RelayConfig(ProvisionedKiosk.StationId, modulation, DutyCycleAccountant.ForFrequency(869_525_000, false))
            { CouncilEpochOffsetMs = (TestCouncil.Now - 60) * 1000L }, p.Registry, new CoverageRebroadcastPolicy(45 * 60 * 1000, 0),
            new FixedRandom(), new NoStore(), p.Ed, 0);
        other.Receive(asOwn, 0, asOwn.Length, 50, 10);
        Assert.AreEqual(0, other.Statistics.ReportsRelayed);
    }
}
