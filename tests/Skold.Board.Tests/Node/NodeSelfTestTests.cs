using Skold.Board.Power;
using Skold.Board.Node;
using Skold.Mesh;
using Skold.Radio.Model;
using Skold.Radio.Sx127x;

namespace Skold.Board.Tests.Node;

[TestClass]
public sealed class NodeSelfTestTests
{
    private static readonly RadioSettings Eu868 = new(869525000, new LoRaModulation(9, 125000, 5), 14, true);

    private static (SelfTestReport Report, List<string> Lines) Run(SimulatedSx1276 chip, SimulatedBoard board, FaultyFlash? flash = null, BatteryGauge? gauge = null)
    {
        var lines = new List<string>();
        var test = new NodeSelfTest(new Sx127x(chip, chip), Eu868, flash ?? new FaultyFlash(), board, gauge ?? new BatteryGauge(2, 1))
        {
            Progress = (_, _, line) => lines.Add(line),
        };
        return (test.Run(), lines);
    }

    /// <summary>The technician releases the button held at boot, then presses it once after 3 s.</summary>
    private static Func<long, bool> HeldThenPressed(long start) => now => now - start < 500 || (now - start >= 3000 && now - start < 3200);

    [TestMethod]
    public void AHealthyBoardPassesEveryStep()
    {
        var chip = new SimulatedSx1276();
        var board = new SimulatedBoard(chip) { Now = 1000 };
        board.ButtonAt = HeldThenPressed(1000);
        (SelfTestReport report, List<string> lines) = Run(chip, board);
        Assert.IsTrue(report.Passed, string.Join("\n", lines));
        string[] steps = [NodeSelfTest.Radio, NodeSelfTest.Rssi, NodeSelfTest.Cad, NodeSelfTest.Flash, NodeSelfTest.Battery, NodeSelfTest.Led, NodeSelfTest.ButtonStep];
        CollectionAssert.AreEqual(steps, Enumerable.Range(0, report.Count).Select(report.Name).ToArray());
        Assert.AreEqual(SelfTestVerdict.Look, report.VerdictOf(NodeSelfTest.Led));
        Assert.AreEqual(SelfTestVerdict.Pass, report.VerdictOf(NodeSelfTest.ButtonStep));
        StringAssert.Contains(lines.First(l => l.Contains("rssi")), "-117 dBm");
        StringAssert.Contains(lines.First(l => l.Contains("battery")), "3900 mV");
        Assert.AreEqual(0, chip.Transmitted.Count, "the self-test never transmits");
        Assert.AreEqual(Registers.ModeSleep, chip.Mode, "and leaves the radio asleep");
        Assert.AreEqual(3, board.LedChanges.Count(c => c.On) - 1, "three blinks, then on until the end");
    }

    [TestMethod]
    public void EachFaultFailsItsOwnStepWithAHint()
    {
        var absent = new SimulatedSx1276 { Absent = true };
        (SelfTestReport r1, _) = Run(absent, new SimulatedBoard(absent) { ButtonAt = HeldThenPressed(0) });
        Assert.AreEqual(SelfTestVerdict.Fail, r1.VerdictOf(NodeSelfTest.Radio));
        StringAssert.Contains(r1.Detail(0), "check power, NSS, SCK, MOSI, MISO");
        Assert.AreEqual(SelfTestVerdict.Skipped, r1.VerdictOf(NodeSelfTest.Cad));

        var wrongChip = new SimulatedSx1276 { Version = 0x22 };
        (SelfTestReport r2, _) = Run(wrongChip, new SimulatedBoard(wrongChip) { ButtonAt = HeldThenPressed(0) });
        Assert.AreEqual(SelfTestVerdict.Fail, r2.VerdictOf(NodeSelfTest.Radio));

        var noDio0 = new SimulatedSx1276();
        (SelfTestReport r3, _) = Run(noDio0, new SimulatedBoard(noDio0, dio0Wired: false) { ButtonAt = HeldThenPressed(0) });
        Assert.AreEqual(SelfTestVerdict.Fail, r3.VerdictOf(NodeSelfTest.Cad));
        StringAssert.Contains(r3.Detail(2), "DIO0 never rose");

        var deaf = new SimulatedSx1276 { RssiValue = 0 };
        (SelfTestReport r4, _) = Run(deaf, new SimulatedBoard(deaf) { ButtonAt = HeldThenPressed(0) });
        Assert.AreEqual(SelfTestVerdict.Fail, r4.VerdictOf(NodeSelfTest.Rssi), "-157 dBm is below any real noise floor");

        var chip = new SimulatedSx1276();
        (SelfTestReport r5, _) = Run(chip, new SimulatedBoard(chip) { ButtonAt = HeldThenPressed(0) }, new FaultyFlash { Failing = true });
        Assert.AreEqual(SelfTestVerdict.Fail, r5.VerdictOf(NodeSelfTest.Flash));

        var chip6 = new SimulatedSx1276();
        (SelfTestReport r6, _) = Run(chip6, new SimulatedBoard(chip6) { ButtonAt = HeldThenPressed(0), BatteryRaw = 0 });
        Assert.AreEqual(SelfTestVerdict.Fail, r6.VerdictOf(NodeSelfTest.Battery));
        StringAssert.Contains(r6.Detail(4), "no cell");

        var chip7 = new SimulatedSx1276();
        (SelfTestReport r7, _) = Run(chip7, new SimulatedBoard(chip7) { Button = true });
        Assert.AreEqual(SelfTestVerdict.Fail, r7.VerdictOf(NodeSelfTest.ButtonStep), "held all along: never released and pressed again");
        Assert.IsFalse(r7.Passed);
        StringAssert.Contains(r7.Summary(), "FAILED: 1 of 7");
    }

    [TestMethod]
    public void StepsTheBoardLacksAreSkippedNotFailed()
    {
        var chip = new SimulatedSx1276();
        (SelfTestReport report, _) = Run(chip, new SimulatedBoard(chip, hasButton: false) { BatteryRaw = -1 });
        Assert.AreEqual(SelfTestVerdict.Skipped, report.VerdictOf(NodeSelfTest.ButtonStep));
        Assert.AreEqual(SelfTestVerdict.Skipped, report.VerdictOf(NodeSelfTest.Battery));
        Assert.IsTrue(report.Passed);
    }

    [TestMethod]
    public void ButtonHeldAtBootRunsTheSelfTestBeforeRelaying()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(9));
        node.Board.ButtonAt = HeldThenPressed(0);
        node.Boot(selfTest: true);
        Assert.IsNotNull(node.App.LastSelfTest);
        Assert.IsTrue(node.App.LastSelfTest.Passed, string.Join("\n", node.Link.Logs));
        Assert.IsTrue(node.Link.Logs.Any(l => l == "self-test passed (7 steps)"));
        Assert.IsTrue(node.App.Relaying, "the node goes on to relay");
        node.Run(100);
        Assert.AreEqual(Skold.Board.Status.LedState.SelfTestPassed, node.App.LedStateNow, "long flashes until the button is pressed");
        node.Board.ButtonAt = now => now % 5000 < 200;
        node.Run(6000);
        Assert.AreEqual(Skold.Board.Status.LedState.Running, node.App.LedStateNow);
    }
}
