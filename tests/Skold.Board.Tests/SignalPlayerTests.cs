using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Station;

namespace Skold.Board.Tests;

[TestClass]
public class SignalPlayerTests
{
    private static (SignalRecorder Out, SignalPlayer Player) Quiet()
    {
        var output = new SignalRecorder();
        var player = new SignalPlayer(output);
        output.Tones.Clear();
        output.LedChanges.Clear();
        return (output, player);
    }

    private static void RunTo(SignalRecorder output, SignalPlayer player, long from, long to)
    {
        for (long t = from; t <= to; t++)
        {
            output.Now = t;
            player.Update(t);
        }
    }

    [TestMethod]
    public void EachSignalHasItsOwnSoundInWholeMilliseconds()
    {
        CollectionAssert.AreEqual(Array.Empty<int>(), SignalPattern.Steps(KioskSignal.None));
        Assert.AreEqual(15, SignalPattern.SoundMilliseconds(KioskSignal.Key));
        Assert.AreEqual(150, SignalPattern.SoundMilliseconds(KioskSignal.Done));
        Assert.AreEqual(700, SignalPattern.SoundMilliseconds(KioskSignal.Refused));
        Assert.AreEqual(300, SignalPattern.SoundMilliseconds(KioskSignal.Warning));
        Assert.IsTrue(SignalPattern.Steps(KioskSignal.Refused)[0] < SignalPattern.Steps(KioskSignal.Done)[0], "refused is the low tone");
    }

    [TestMethod]
    public void DoneBeepsOnceAndLightsGreenForItsTime()
    {
        (SignalRecorder output, SignalPlayer player) = Quiet();
        player.Play(KioskSignal.Done, 0);
        RunTo(output, player, 0, 2000);
        CollectionAssert.AreEqual(new[] { (0L, 2700), (150L, 0) }, output.Tones);
        CollectionAssert.AreEqual(new[] { (0L, KioskSignal.GreenLed), (1500L, 0) }, output.LedChanges);
    }

    [TestMethod]
    public void WarningIsTwoBeepsWithAPauseAndTheAmberLed()
    {
        (SignalRecorder output, SignalPlayer player) = Quiet();
        output.Now = 1000;
        player.Play(KioskSignal.Warning, 1000);
        RunTo(output, player, 1000, 5000);
        CollectionAssert.AreEqual(new[] { (1000L, 2000), (1100L, 0), (1200L, 2000), (1300L, 0) }, output.Tones);
        CollectionAssert.AreEqual(new[] { (1000L, KioskSignal.AmberLed), (4000L, 0) }, output.LedChanges);
    }

    [TestMethod]
    public void RefusedIsALongLowToneAndTheRedLed()
    {
        (SignalRecorder output, SignalPlayer player) = Quiet();
        player.Play(KioskSignal.Refused, 0);
        RunTo(output, player, 0, 4000);
        CollectionAssert.AreEqual(new[] { (0L, 800), (700L, 0) }, output.Tones);
        CollectionAssert.AreEqual(new[] { (0L, KioskSignal.RedLed), (3000L, 0) }, output.LedChanges);
    }

    [TestMethod]
    public void AKeyClickCutsTheToneAndClearsTheLastVerdictsLed()
    {
        (SignalRecorder output, SignalPlayer player) = Quiet();
        player.Play(KioskSignal.Refused, 0);
        RunTo(output, player, 0, 100);
        output.Now = 101;
        player.Play(KioskSignal.Key, 101);
        RunTo(output, player, 101, 4000);
        CollectionAssert.AreEqual(new[] { (0L, 800), (101L, 4000), (116L, 0) }, output.Tones);
        CollectionAssert.AreEqual(new[] { (0L, KioskSignal.RedLed), (101L, 0) }, output.LedChanges);
    }

    [TestMethod]
    public void NoneChangesNothing()
    {
        (SignalRecorder output, SignalPlayer player) = Quiet();
        player.Play(KioskSignal.Done, 0);
        player.Play(KioskSignal.None, 10);
        RunTo(output, player, 10, 200);
        CollectionAssert.AreEqual(new[] { (0L, 2700), (150L, 0) }, output.Tones);
    }
}
