using Skold.Board.Node;
using Skold.HostLink;

namespace Skold.Board.Tests.Node;

/// <summary>
/// The host-link handler for a node unlike the ESP32 board: one that keeps its host's clock and
/// has no self-test (the Linux node, `skold node run`). The ESP32's side is in NodeAppTests; the
/// Linux node's over its socket in tests/Skold.Gateway.Tests.
/// </summary>
[TestClass]
public sealed class HostLinkRequestsTests
{
    private const long Now = 900_000_000;

    private sealed class Sink : IHostLinkSink
    {
        public List<HostLinkFrame> Frames { get; } = [];

        public void Send(HostLinkFrame frame) => Frames.Add(frame);

        public (int Type, int Result, string Reason) LastAnswer
        {
            get
            {
                byte[] p = Frames.Last(f => f.Type == HostLinkFrame.Answer).Payload;
                return (p[0], p[1], System.Text.Encoding.UTF8.GetString(p, 2, p.Length - 2));
            }
        }
    }

    private sealed class HostClockNode : IHostLinkNode
    {
        public int ClockChanges { get; private set; }

        public int NodeId => 29;

        public RelayNode? Relay => null;

        public string? Problem => "the radio is unplugged";

        public int BatteryMillivolts => 0;

        public bool KeepsOwnClock => true;

        public long ClockFloorSeconds => 0;

        public long CouncilSeconds(long nowMs) => Now;

        public void SetCouncilSeconds(long seconds, long nowMs) => ClockChanges++;

        public SelfTestReport? RunSelfTest() => null;
    }

    private static HostLinkFrame SetTime(long seconds) =>
        new(HostLinkFrame.SetTime, [(byte)(seconds >> 24), (byte)(seconds >> 16), (byte)(seconds >> 8), (byte)seconds]);

    [TestMethod]
    public void ANodeOnAHostClockAgreesWithinTheToleranceAndRefusesBeyondItWithoutChangingItsClock()
    {
        var sink = new Sink();
        var node = new HostClockNode();
        var requests = new HostLinkRequests(new HostLinkReplies(sink), node);
        requests.Serve(SetTime(Now + 30), 5);
        Assert.AreEqual((HostLinkFrame.SetTime, 0, "this node keeps its host's clock; it agrees within 30 s"), sink.LastAnswer);
        requests.Serve(SetTime(Now - HostLinkRequests.ClockToleranceSeconds), 5);
        Assert.AreEqual(0, sink.LastAnswer.Result, "the tolerance itself still agrees");
        requests.Serve(SetTime(Now + HostLinkRequests.ClockToleranceSeconds + 1), 5);
        Assert.AreEqual(255, sink.LastAnswer.Result);
        StringAssert.Contains(sink.LastAnswer.Reason, "601 s behind the time sent; set the clock of the computer the node runs on");
        requests.Serve(SetTime(Now - 3600), 5);
        StringAssert.Contains(sink.LastAnswer.Reason, "3600 s ahead of the time sent");
        requests.Serve(new HostLinkFrame(HostLinkFrame.SetTime, [1, 2, 3]), 5);
        Assert.AreEqual((HostLinkFrame.SetTime, 255, "set time takes 4 bytes: council seconds, big-endian"), sink.LastAnswer);
        Assert.AreEqual(0, node.ClockChanges, "a host's clock is never changed over the link");
    }

    [TestMethod]
    public void ANodeWithoutASelfTestRefusesItAndSaysWhy()
    {
        var sink = new Sink();
        new HostLinkRequests(new HostLinkReplies(sink), new HostClockNode()).Serve(new HostLinkFrame(HostLinkFrame.SelfTest, []), 5);
        (int type, int result, string reason) = sink.LastAnswer;
        Assert.AreEqual(HostLinkFrame.SelfTest, type);
        Assert.AreEqual(255, result);
        StringAssert.Contains(reason, "no self-test over the host link");
    }

    [TestMethod]
    public void ANodeThatDoesNotRelaySendsAStatusWithoutDigestAndSaysWhy()
    {
        var sink = new Sink();
        var requests = new HostLinkRequests(new HostLinkReplies(sink), new HostClockNode());
        requests.Serve(new HostLinkFrame(HostLinkFrame.Ping, []), 5);
        requests.Serve(new HostLinkFrame(HostLinkFrame.SendOrder, [1, 2, 3]), 5);
        Assert.AreEqual(HostLinkReplies.ShortStatusLength, sink.Frames[0].Payload.Length, "nothing held it could name");
        Assert.AreEqual(29, sink.Frames[0].Payload[0] << 8 | sink.Frames[0].Payload[1]);
        Assert.AreEqual("not transmitting: the radio is unplugged", System.Text.Encoding.UTF8.GetString(sink.Frames[1].Payload));
        Assert.AreEqual((HostLinkFrame.SendOrder, 255, "not transmitting: the radio is unplugged"), sink.LastAnswer);
    }
}
