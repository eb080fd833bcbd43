using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.HostLink;

namespace Skold.Gateway.Tests;

/// <summary>The gateway's link against the Linux node's own host link (`skold node run --radio sim --host-link`).</summary>
[TestClass]
public class SimulatedNodeLinkTests
{
    [TestMethod]
    public void AnOrderSentAgainAfterALostAnswerIsAnsweredAsAlreadyHeldNotRefusedAndTheNodeChecksTheTimeAgainstItsHostsClock()
    {
        Council council = Council.Get();
        string config = council.Path("node29.json");
        File.WriteAllText(config, $$"""
            {"node_id": 29, "region": "eu868", "frequency_mhz": 869.525, "sf": 7, "bw_khz": 125, "cr": 5, "power_dbm": 14, "pa_boost": true,
             "registry": "{{council.Path("council.genesis")}}"}
            """);
        string socket = Path.Combine(Path.GetTempPath(), "skold-gwn-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        Task<(int, string, string)> node = Task.Run(() => Council.Cli("node", "run", "--config", config, "--radio", "sim", "--peers", "1",
            "--minutes", "1", "--speed", "4", "--host-link", socket));
        byte[] order = File.ReadAllBytes(council.Path(council.Alert("Skolan öppnar i morgon", 2, 7)));
        var answers = new List<(int Result, string Reason)>();
        var timeAnswers = new List<(int Result, string Reason)>();
        uint sentTime = SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600);
        var statuses = new List<HostLinkFrame>();
        using var link = new NodeLink(new UnixSocketConnector(socket), _ => { }) { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };
        // The gateway sets the time on connecting; this node keeps its host's clock and says that it agrees.
        link.CouncilTime = () => SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        link.Answered += (request, result, reason) =>
        {
            List<(int, string)> to = request.Type == HostLinkFrame.SetTime ? timeAnswers : answers;
            lock (to)
            {
                to.Add((result, reason));
            }
        };
        link.FrameReceived += f => { if (f.Type == HostLinkFrame.Status) { lock (statuses) { statuses.Add(f); } } };
        link.Start();
        link.Send(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        link.Send(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            lock (answers)
            {
                if (answers.Count == 2)
                {
                    break;
                }
            }
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for two answers");
            Thread.Sleep(20);
        }
        Assert.AreEqual((0, "queued for the air"), answers[0]);
        Assert.AreEqual((0, "already held"), answers[1]);
        lock (timeAnswers)
        {
            Assert.AreEqual(1, timeAnswers.Count);
            Assert.AreEqual(0, timeAnswers[0].Result, timeAnswers[0].Reason);
            StringAssert.StartsWith(timeAnswers[0].Reason, "this node keeps its host's clock; it agrees within ");
        }
        // An hour off is more than the council's rules allow: refused, and the node's clock stays its host's.
        link.Send(new HostLinkFrame(HostLinkFrame.SetTime, [(byte)(sentTime >> 24), (byte)(sentTime >> 16), (byte)(sentTime >> 8), (byte)sentTime]));
        link.Send(new HostLinkFrame(HostLinkFrame.Ping, []));
        while (true)
        {
            lock (statuses)
            {
                if (statuses.Count > 0 && NodeStatus.Decode(statuses[^1].Payload).OrdersHeld == 1)
                {
                    NodeStatus status = NodeStatus.Decode(statuses[^1].Payload);
                    Assert.AreEqual(29, status.NodeId);
                    Assert.AreEqual(HoldersInference.Digest([Skold.Mesh.Frame.MessageIdOf(order)]), status.Digest, "the status digest names the order held");
                    break;
                }
            }
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for a status with the order held");
            link.Send(new HostLinkFrame(HostLinkFrame.Ping, []));
            Thread.Sleep(100);
        }
        while (true)
        {
            lock (timeAnswers)
            {
                if (timeAnswers.Count == 2)
                {
                    Assert.AreEqual(255, timeAnswers[1].Result);
                    StringAssert.Contains(timeAnswers[1].Reason, "behind the time sent; set the clock of the computer the node runs on");
                    break;
                }
            }
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for the answer to a time an hour off");
            Thread.Sleep(20);
        }
        node.Wait(TimeSpan.FromSeconds(30));
    }
}
