using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

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
