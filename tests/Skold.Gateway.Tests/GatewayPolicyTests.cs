using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.HostLink;
using Skold.Mesh;

using static Skold.Gateway.Tests.LinkWire;

namespace Skold.Gateway.Tests;

[TestClass]
public class GatewayPolicyTests
{
    [TestMethod]
    public void AnOrderThatMissesThePolicyIsRefusedWithItsReasonAndNeverReachesTheNode()
    {
        Council council = Council.Get();
        byte[] oneGroup = File.ReadAllBytes(council.Path(council.Alert("Bara en grupp", 0, 1)));
        byte[] signed = File.ReadAllBytes(council.Path(council.Alert("Värmestuga öppen", 0, 4)));
        byte[] garbage = [0x01, 0x02, 0x03];
        var port = new ScriptedLink();
        ScriptedStream stream = port.Queue(false);
        using var store = GatewayStore.Open(":memory:");
        using var link = new NodeLink(port, _ => { });
        var gateway = new CouncilGateway(council.Registry, store, link, _ => { });
        link.Start();
        WaitFor(() => link.Connected, "the link");

        SubmitResult refused = gateway.Submit(oneGroup, "test");
        SubmitResult broken = gateway.Submit(garbage, "test");
        SubmitResult sent = gateway.Submit(signed, "test");

        Assert.IsFalse(refused.Accepted);
        Assert.AreEqual(RejectionReason.PolicyNotMet, refused.ReasonCode);
        StringAssert.Contains(refused.Reason, "missing 1 more group(s)");
        Assert.IsFalse(broken.Accepted);
        Assert.AreEqual(RejectionReason.Malformed, broken.ReasonCode);
        Assert.IsTrue(sent.Accepted, sent.Reason);
        WaitFor(() => Sent(stream).Any(f => f.Type == HostLinkFrame.SendOrder), "the signed order on the link");
        List<HostLinkFrame> orders = Sent(stream).Where(f => f.Type == HostLinkFrame.SendOrder).ToList();
        Assert.AreEqual(1, orders.Count, "only the order that meets the policy reaches the node");
        CollectionAssert.AreEqual(signed, orders[0].Payload);
        IReadOnlyList<StoredRefusal> refusals = store.Refusals();
        Assert.AreEqual(2, refusals.Count, "refusals are kept");
        Assert.AreEqual(Frame.MessageIdOf(oneGroup), refusals[0].MessageId);
        StringAssert.StartsWith(refusals[0].Reason, "R8 policy not met");
        CollectionAssert.AreEqual(oneGroup, refusals[0].Data);
        Assert.AreEqual("queued", store.Orders().Single().State);
    }

    [TestMethod]
    public void TheNodesAnswerIsRecordedAndARestartKeepsOrdersPolicyStateAndResendsWhatWasNotAnswered()
    {
        Council council = Council.Get();
        byte[] older = File.ReadAllBytes(council.Path(council.Alert("Äldre", 2, 6)));
        byte[] answered = File.ReadAllBytes(council.Path(council.Alert("Besvarad", 2, 6)));
        byte[] unanswered = File.ReadAllBytes(council.Path(council.Alert("Obesvarad", 3, 7)));
        string db = Path.Combine(council.Dir, "restart-" + Guid.NewGuid().ToString("N")[..6] + ".db");

        var port = new ScriptedLink();
        ScriptedStream first = port.Queue(false, Wire(HostLinkFrame.Answer, HostLinkFrame.SendOrder, 0, (byte)'o', (byte)'k'));
        var firstStream = first;
        using (var store = GatewayStore.Open(db))
        using (var link = new NodeLink(port, _ => { }))
        {
            var gateway = new CouncilGateway(council.Registry, store, link, _ => { });
            Assert.IsTrue(gateway.Submit(answered, "test").Accepted);
            // The answer in the script is read once the link is up: it answers the first order.
            link.Start();
            WaitFor(() => store.Orders().Single().State == "accepted", "the node's answer to be recorded");
            Assert.IsTrue(gateway.Submit(unanswered, "test").Accepted);
            Assert.AreEqual("ok", store.Orders().First().Reason);
        }

        var port2 = new ScriptedLink();
        ScriptedStream second = port2.Queue(false);
        using var reopened = GatewayStore.Open(db);
        using var link2 = new NodeLink(port2, _ => { });
        var restarted = new CouncilGateway(council.Registry, reopened, link2, _ => { });
        link2.Start();
        Assert.AreEqual(2, reopened.Orders().Count, "orders survive the restart");
        WaitFor(() => Sent(second).Any(f => f.Type == HostLinkFrame.SendOrder), "the unanswered order sent again");
        CollectionAssert.AreEqual(unanswered, Sent(second).Single(f => f.Type == HostLinkFrame.SendOrder).Payload, "only the unanswered order is sent again");
        SubmitResult again = restarted.Submit(answered, "test");
        Assert.IsTrue(again.Accepted);
        StringAssert.Contains(again.Reason, "already known");
        SubmitResult stale = restarted.Submit(older, "test");
        Assert.IsFalse(stale.Accepted, "the sequence floor survives the restart");
        Assert.AreEqual(RejectionReason.StaleSequence, stale.ReasonCode);
        Assert.IsTrue(firstStream.Written.Length > 0);
    }

}
