using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.HostLink;

namespace Skold.Gateway.Tests;

/// <summary>The gateway's link against the Linux node's own host link (`skold node run --radio sim --host-link`).</summary>
[TestClass]
public class SimulatedNodeLinkTests
{
    [TestMethod]
    public void AnOrderSentAgainAfterALostAnswerIsAnsweredAsAlreadyHeldNotRefused()
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
        var statuses = new List<HostLinkFrame>();
        using var link = new NodeLink(new UnixSocketConnector(socket), _ => { }) { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };
        link.Answered += (_, result, reason) => { lock (answers) { answers.Add((result, reason)); } };
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
        node.Wait(TimeSpan.FromSeconds(30));
    }
}
