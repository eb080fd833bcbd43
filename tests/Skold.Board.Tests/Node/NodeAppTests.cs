using Skold.Board.Boards;
using Skold.Board.Node;
using Skold.Board.Power;
using Skold.Board.Status;
using Skold.HostLink;
using Skold.Provisioning;

namespace Skold.Board.Tests.Node;

[TestClass]
public sealed class NodeAppTests
{
    private static byte[] AlertOrder(int sequence = 1) => TestNode.Council.Alert(sequence, "Storm i natt: stanna inne.", [0, 2]).Encode();

    [TestMethod]
    public void WithoutProvisioningTheNodeNeverTransmitsAndSaysWhy()
    {
        var node = new TestNode().Boot();
        Assert.IsFalse(node.App.Relaying);
        StringAssert.Contains(node.App.Problem, "no provisioning file");
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, AlertOrder()));
        node.Run(20 * 60_000);
        Assert.AreEqual(0, node.Chip.Transmitted.Count, "not one frame on air");
        Assert.AreEqual(Skold.Radio.Sx127x.Registers.ModeSleep, node.Chip.Mode, "the radio sleeps");
        (int type, int result, string reason) = node.Link.Answers.Single();
        Assert.AreEqual(HostLinkFrame.SendOrder, type);
        Assert.AreEqual(255, result);
        StringAssert.Contains(reason, "not transmitting: no provisioning file");
        Assert.IsTrue(node.Link.Logs.Count(l => l.StartsWith("not transmitting: no provisioning file")) >= 20 * 60 / 30, "repeated on serial every 30 s");
        Assert.AreEqual(LedState.NotProvisioned, node.App.LedStateNow);
        Assert.AreEqual(3 * 20 * 60 / 2, node.Board.LedChanges.Count(c => c.On), "three blinks every 2 s");
    }

    [TestMethod]
    public void AProvisioningProblemKeepsTheRadioSilentAndNamesTheProblem()
    {
        // A genesis signed by one member only is not in force.
        var weak = new Skold.Council.Order(Skold.Council.OrderKind.Genesis, 0, TestNode.Council.Genesis.Created, 0, TestNode.Council.Genesis.Body);
        TestNode.Council.SignBy(TestNode.Council.Registry, weak, [0]);
        var cases = new (byte[] File, string Reason)[]
        {
            (TestNode.Provisioning(7, tweak: p => p.Genesis = weak.Encode()), "not signed by enough members"),
            (TestNode.Provisioning(7, tweak: p => p.FrequencyHz = 915_000_000), "radio settings"),
            (TestNode.Provisioning(7, tweak: p => p.Role = DeviceProvisioning.RoleKiosk), "kiosk"),
            (TestNode.Provisioning(7)[..^1], "CRC"),
            (TestNode.Provisioning(0x8000), "go up to 32767"),
        };
        foreach ((byte[] file, string reason) in cases)
        {
            var node = new TestNode().Provision(file).Boot();
            node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, AlertOrder()));
            node.Link.HostSends(new HostLinkFrame(HostLinkFrame.Ping, []));
            node.Run(5 * 60_000);
            Assert.AreEqual(0, node.Chip.Transmitted.Count, reason);
            StringAssert.Contains(node.App.Problem, reason);
            StringAssert.Contains(node.Link.Answers.Single().Reason, reason);
            Assert.IsTrue(node.Link.Received.Any(f => f.Type == HostLinkFrame.Status), "a ping still gets a status");
            Assert.IsTrue(node.Link.Logs.Any(l => l.Contains(reason)), "and the reason on serial");
            Assert.AreEqual(LedState.NotProvisioned, node.App.LedStateNow, reason);
        }
    }

    [TestMethod]
    public void ALongAlertSignedByTheWholeCouncilIsHeldAndSurvivesAReboot()
    {
        // 1,000 bytes of text and eight signatures: about 1.6 KB in seven fragments. Relays once
        // threw here, because their flash store took orders of at most 1,024 bytes.
        string text = string.Concat(Enumerable.Repeat("Stanna inne, stormen når kusten i natt. ", 30))[..1000];
        byte[] order = TestNode.Council.Alert(9, text, [0, 1, 2, 3, 4, 5, 6, 7]).Encode();
        Assert.IsGreaterThan(1500, order.Length);
        var gateway = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        var relay = new TestNode().Provision(TestNode.Provisioning(2)).Boot();
        Assert.IsTrue(gateway.App.Node!.Engine.Originate(order, gateway.Board.Now));
        TestAir.Run(5 * 60_000, gateway, relay);
        Assert.AreEqual(1, relay.App.Node!.Engine.Held.Count, "the relay holds the long alert");

        var rebooted = new TestNode(relay.Flash).Provision(TestNode.Provisioning(2)).Boot();
        Assert.AreEqual(1, rebooted.App.Node!.Engine.Held.Count, "and still holds it after a reboot");
    }

    [TestMethod]
    public void AnOrderFromTheHostGoesOnAirAndTheNextRelayHearsAndHoldsIt()
    {
        var gateway = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        var relay = new TestNode().Provision(TestNode.Provisioning(2)).Boot();
        Assert.IsTrue(gateway.App.Relaying, gateway.App.Problem);
        StringAssert.Contains(gateway.Link.Logs.Last(), "node 1 on devkitc-rfm95w: relaying");
        byte[] order = AlertOrder();
        gateway.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        int frames = TestAir.Run(3 * 60_000, gateway, relay);
        Assert.AreEqual((HostLinkFrame.SendOrder, 0, "queued for the air"), gateway.Link.Answers.Single());
        Assert.IsTrue(frames >= 1);
        Assert.AreEqual(1, relay.App.Node!.Engine.Held.Count, "the relay holds the order");
        HostLinkFrame heard = relay.Link.Received.First(f => f.Type == HostLinkFrame.Heard);
        Assert.AreEqual(60 - 157, (short)(heard.Payload[0] << 8 | heard.Payload[1]), "RSSI dBm from the radio");
        Assert.AreEqual(60, (short)(heard.Payload[2] << 8 | heard.Payload[3]), "SNR 6.0 dB in tenths");
        Assert.IsTrue(TestNode.Council.Genesis.Created + 3000 < gateway.App.CouncilSeconds(gateway.Board.Now),
            "the gateway's clock moved forward to the order's creation");
    }

    [TestMethod]
    public void AnOrderTheNodeAlreadyHoldsIsAnsweredAlreadyHeldNotRefused()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        byte[] order = AlertOrder();
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        node.Run(1000);
        // The gateway lost the answer with the cable and sends the order again.
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        node.Run(1000);
        CollectionAssert.AreEqual(new[] { (HostLinkFrame.SendOrder, 0, "queued for the air"), (HostLinkFrame.SendOrder, 0, "already held") }, node.Link.Answers.ToArray());
        Assert.AreEqual(1, node.App.Node!.Engine.Held.Count);
    }

    [TestMethod]
    public void TheRelayKeepsItsOrdersAcrossAPowerCycle()
    {
        var gateway = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        var relay = new TestNode().Provision(TestNode.Provisioning(2)).Boot();
        gateway.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, AlertOrder()));
        TestAir.Run(3 * 60_000, gateway, relay);
        Assert.AreEqual(1, relay.App.Node!.Engine.Held.Count);
        var rebooted = new TestNode(relay.Flash).Boot();
        Assert.IsTrue(rebooted.App.Relaying);
        Assert.AreEqual(1, rebooted.App.Node!.Engine.Held.Count, "the order came back from flash");
    }

    [TestMethod]
    public void ABadOrderIsRefusedWithAnAnswerAndNothingGoesOnAir()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        byte[] forged = AlertOrder();
        forged[^1] ^= 1;
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SendOrder, forged));
        node.Link.HostSendsBytes([0x00, 0x13, 0xc0, 0x01, 0x02, 0xc0, 0xdb, 0x55]);
        node.Link.HostSends(new HostLinkFrame(0x42, [1, 2, 3]));
        node.Run(5_000);
        var answers = node.Link.Answers.ToList();
        Assert.AreEqual(2, answers.Count, "garbage gets no answer");
        Assert.AreEqual(255, answers[0].Result);
        StringAssert.Contains(answers[0].Reason, "not accepted");
        Assert.AreEqual((0x42, 255, "unknown request type 66"), answers[1]);
        Assert.IsTrue(node.App.LinkRejected >= 1, "the broken frame is counted");
        Assert.IsFalse(node.Chip.Transmitted.Any(f => f.Length > 100), "no order frame on air");
    }

    [TestMethod]
    public void APulledCableLosesOnlyTheFrameItCut()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        byte[] order = HostLinkEncoder.Encode(new HostLinkFrame(HostLinkFrame.SendOrder, AlertOrder()));
        node.Link.HostSendsBytes(order[..(order.Length / 2)]);
        node.Run(2000);
        Assert.AreEqual(0, node.Link.Answers.Count(), "half a frame is not a request");
        // Plugged in again: the host starts over with a ping and then the whole order.
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.Ping, []));
        node.Link.HostSendsBytes(order);
        node.Run(2000);
        Assert.AreEqual(1, node.App.LinkRejected, "the cut frame is counted once");
        Assert.IsTrue(node.Link.Received.Any(f => f.Type == HostLinkFrame.Status));
        Assert.AreEqual((HostLinkFrame.SendOrder, 0, "queued for the air"), node.Link.Answers.Single());
    }

    [TestMethod]
    public void AFloodOfRequestsIsServedAFewPerTurnAndEveryOneIsAnswered()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        node.Link.ChunkSize = 4096;
        for (int i = 0; i < 40; i++)
        {
            node.Link.HostSends(new HostLinkFrame(HostLinkFrame.Ping, []));
        }
        node.App.Step();
        node.Link.Drain();
        Assert.AreEqual(NodeApp.MaxRequestsPerTurn, node.Link.Received.Count(f => f.Type == HostLinkFrame.Status));
        node.Run(1000);
        Assert.AreEqual(40, node.Link.Received.Count(f => f.Type == HostLinkFrame.Status));
    }

    [TestMethod]
    public void APingGetsTheStatusFrameAndTheButtonPrintsTheStatus()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(513)).Boot();
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.Ping, []));
        node.Run(1000);
        byte[] status = node.Link.Received.Last(f => f.Type == HostLinkFrame.Status).Payload;
        Assert.AreEqual(18, status.Length, "with the held-orders digest, as skold node run sends it");
        Assert.AreEqual(513, status[0] << 8 | status[1]);
        Assert.AreEqual(node.App.Node!.Engine.Held.Digest(), Skold.Bytes.ReadUInt32LittleEndian(status, 14), "the digest as in the node's beacons, little-endian");
        int battery = status[12] << 8 | status[13];
        Assert.AreEqual(3900, battery, 5, "raw 2420 through the DevKitC's 2:1 divider");
        Assert.IsTrue((status[8] << 24 | status[9] << 16 | status[10] << 8 | status[11]) > 300_000, "EU 869.525 MHz: 10 % of an hour of headroom");
        int logsBefore = node.Link.Logs.Count();
        node.Board.ButtonAt = now => now % 10_000 is >= 2000 and < 2300;
        node.Run(10_000);
        Assert.AreEqual(logsBefore + 1, node.Link.Logs.Count(), "one short press, one status line");
        StringAssert.Contains(node.Link.Logs.Last(), "node 513 on devkitc-rfm95w: relaying");
        StringAssert.Contains(node.Link.Logs.Last(), "battery 3900 mV (good)");
    }

    [TestMethod]
    public void TheHostSetsTheClockButNotBeforeWhatTheNodeKnows()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        uint later = TestNode.Council.Genesis.Created + 86400;
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SetTime, [(byte)(later >> 24), (byte)(later >> 16), (byte)(later >> 8), (byte)later]));
        node.Run(1000);
        Assert.AreEqual(0, node.Link.Answers.Last().Result);
        Assert.AreEqual(later + 1, node.App.CouncilSeconds(node.Board.Now), 1);
        uint early = TestNode.Council.Genesis.Created - 10;
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SetTime, [(byte)(early >> 24), (byte)(early >> 16), (byte)(early >> 8), (byte)early]));
        node.Run(1000);
        Assert.AreEqual(255, node.Link.Answers.Last().Result);
        StringAssert.Contains(node.Link.Answers.Last().Reason, "refused");
    }

    [TestMethod]
    public void ALowBatteryShowsOnTheLedAndInTheStatus()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1)).Boot();
        node.Board.BatteryRaw = 2110; // about 3.40 V
        node.Run(NodeApp.BatteryEveryMs + 100);
        Assert.AreEqual(BatteryLevel.Low, node.App.BatteryLevelNow);
        Assert.AreEqual(LedState.BatteryLow, node.App.LedStateNow);
        Assert.AreEqual(340, node.App.Node!.Config.BatteryCentivolts, 1, "beacons carry the voltage");
    }

    [TestMethod]
    public void ADeadRadioIsAFaultThatTheNodeReports()
    {
        var node = new TestNode().Provision(TestNode.Provisioning(1));
        node.Chip.Absent = true;
        node.Boot();
        Assert.IsFalse(node.App.Relaying);
        Assert.IsTrue(node.App.Fault);
        StringAssert.Contains(node.App.Problem, "no SX127x answers on SPI");
        Assert.AreEqual(LedState.SelfTestFailed, node.App.LedStateNow, "fast blink");
        Assert.IsTrue(node.Link.Logs.Any(l => l.StartsWith("fault: radio: no SX127x answers")));
    }

    [TestMethod]
    public void TheBoardIsChosenByTheProvisioningAndRemembered()
    {
        var flash = new FaultyFlash();
        Assert.ThrowsExactly<BoardException>(() => NodeBoot.ChooseBoard(flash), "never provisioned");
        byte[] heltec = TestNode.Provisioning(3, BoardPinMap.HeltecV21);
        flash.Write(NodeBoot.ProvisioningFile, heltec, 0, heltec.Length);
        Assert.AreEqual(BoardPinMap.HeltecV21, NodeBoot.ChooseBoard(flash).Name);
        byte[] damaged = heltec[..^3];
        flash.Write(NodeBoot.ProvisioningFile, damaged, 0, damaged.Length);
        Assert.AreEqual(BoardPinMap.HeltecV21, NodeBoot.ChooseBoard(flash).Name, "the last good board, so the LED and serial can say what is wrong");
        byte[] unknown = TestNode.Provisioning(3, "heltec-v3");
        flash.Write(NodeBoot.ProvisioningFile, unknown, 0, unknown.Length);
        StringAssert.Contains(Assert.ThrowsExactly<BoardException>(() => NodeBoot.ChooseBoard(flash)).Message, "unknown board pin map \"heltec-v3\"");
    }

    [TestMethod]
    public void ATtgoBoardWithoutAButtonRunsTheSelfTestFromTheHostLink()
    {
        var node = new TestNode(board: BoardPinMap.TtgoLora32V21).Provision(TestNode.Provisioning(4, BoardPinMap.TtgoLora32V21)).Boot();
        node.Link.HostSends(new HostLinkFrame(HostLinkFrame.SelfTest, []));
        node.Run(1000);
        (int type, int result, string reason) = node.Link.Answers.Single();
        Assert.AreEqual(HostLinkFrame.SelfTest, type);
        Assert.AreEqual(0, result, string.Join("\n", node.Link.Logs));
        StringAssert.Contains(reason, "self-test passed");
        Assert.IsTrue(node.Link.Logs.Any(l => l.StartsWith("SKIP button: no user button")));
        Assert.IsTrue(node.App.Relaying, "relaying again after the test");
        Assert.AreEqual(Skold.Radio.Sx127x.Registers.ModeReceiveContinuous, node.Chip.Mode);
    }
}
