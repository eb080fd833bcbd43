using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.HostLink;

using static Skold.Gateway.Tests.LinkWire;

namespace Skold.Gateway.Tests;

/// <summary>The gateway sets its node's clock on every connection (docs/formats/host-link.md, set time).</summary>
[TestClass]
public class NodeClockTests
{
    [TestMethod]
    public void EachConnectionStartsWithCouncilTimeAndARefusalIsKeptAndLoggedWithoutStoppingAnything()
    {
        Council council = Council.Get();
        byte[] order = File.ReadAllBytes(council.Path(council.Alert("Klockan ställs", 2, 7)));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var port = new ScriptedLink();
        // First connection: the node refuses the time, accepts the order, then the cable is pulled.
        ScriptedStream first = port.Queue(true, Answer(HostLinkFrame.SetTime, 255, "refused: before the newest order"), Answer(HostLinkFrame.SendOrder, 0, "queued for the air"));
        var log = new List<string>();
        using var store = GatewayStore.Open(":memory:");
        using var link = new NodeLink(port, m => { lock (log) { log.Add(m); } }) { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(80) };
        var gateway = new CouncilGateway(council.Registry, store, link, m => { lock (log) { log.Add(m); } }, () => now);
        Assert.IsTrue(gateway.Submit(order, "test").Accepted);
        link.Start();
        WaitFor(() => store.Orders().Single().State == "accepted", "the order's answer after the refused time");
        WaitFor(() => store.TimeAnswers().Count == 1, "the refusal kept");
        uint firstTime = SkoldTime.FromUnixSeconds(now.ToUnixTimeSeconds());
        Assert.AreEqual(new StoredTimeAnswer(store.TimeAnswers()[0].At, firstTime, 255, "refused: before the newest order"), store.TimeAnswers()[0]);
        List<HostLinkFrame> sentFirst = Sent(first);
        Assert.AreEqual(HostLinkFrame.SetTime, sentFirst[0].Type, "the time goes before the orders, so the node checks them by it");
        CollectionAssert.AreEqual(new[] { (byte)(firstTime >> 24), (byte)(firstTime >> 16), (byte)(firstTime >> 8), (byte)firstTime }, sentFirst[0].Payload);
        lock (log)
        {
            Assert.IsTrue(log.Any(l => l.StartsWith("node clock: WARNING: the node refused council time") && l.Contains("refused: before the newest order")), string.Join("\n", log));
        }

        // A minute later the node is back: a fresh time, not the stale one, and it is accepted.
        now = now.AddMinutes(1);
        ScriptedStream second = port.Queue(false, Answer(HostLinkFrame.SetTime, 0, "council time set"));
        WaitFor(() => store.TimeAnswers().Count == 2, "the second answer");
        HostLinkFrame setTime = Sent(second).Single(f => f.Type == HostLinkFrame.SetTime);
        Assert.AreEqual(firstTime + 60, Skold.Bytes.ReadUInt32BigEndian(setTime.Payload, 0));
        Assert.AreEqual(0, store.TimeAnswers()[1].Result);
        Assert.IsFalse(Sent(second).Any(f => f.Type == HostLinkFrame.SendOrder), "the answered order is not sent again");
        Assert.AreEqual(0, link.OpenRequests);
        Assert.IsTrue(gateway.Submit(File.ReadAllBytes(council.Path(council.Alert("Efter klockan", 2, 7))), "test").Accepted, "the gateway goes on as before");
    }
}
