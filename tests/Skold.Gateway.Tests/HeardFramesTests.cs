using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Cli.Commands;
using Skold.Crypto;
using Skold.HostLink;
using Skold.Mesh;
using Skold.Station;

namespace Skold.Gateway.Tests;

/// <summary>What the node hears, through a fake serial port: reports checked against station keys, orders heard from elsewhere, beacons, noise.</summary>
[TestClass]
public class HeardFramesTests
{
    private static byte[] Heard(int rssi, int snrTenths, byte[] frame) =>
        HostLinkEncoder.Encode(new HostLinkFrame(HostLinkFrame.Heard, [(byte)(rssi >> 8), (byte)rssi, (byte)(snrTenths >> 8), (byte)snrTenths, .. frame]));

    [TestMethod]
    public void StationReportsCountOnlyWhenSignedWithTheRegisteredKeyAndOrdersAndBeaconsHeardAreKept()
    {
        Council council = Council.Get();
        var ed = new Ed25519();
        byte[] body = new StationReport(1000, 42, 12_400, 17, 25, 2, [1, 2], [80, -3], [9, 0]).Encode();
        byte[] genuine = StationReportSignature.Seal(council.Registry, 3, body, ed.CreatePrivateKey(CliInput.LoadOrCreateSecret(council.StationKeyFile)), ed);
        byte[] forgedBody = new StationReport(1001, 43, 12_400, 999, 25, 2, [1], [0], [0]).Encode();
        byte[] forged = StationReportSignature.Seal(council.Registry, 4, forgedBody, ed.CreatePrivateKey(new byte[32]), ed);
        byte[] otherGatewaysOrder = File.ReadAllBytes(council.Path(council.Alert("Från en annan gateway", 3, 7)));
        byte[] beacon = [0, 1, .. BitConverter.GetBytes(HoldersInference.Digest([Frame.MessageIdOf(otherGatewaysOrder)])), 195, 97, 2, 9, 0, 22, 0];

        var port = new ScriptedLink();
        port.Queue(false,
            Heard(-97, 55, Frame.Fragment(FrameType.Report, 4, 21, genuine)[0].Encode()),
            Heard(-97, 55, Frame.Fragment(FrameType.Report, 4, 22, genuine)[0].NextHop(22).Encode()), // a relayed copy: one report
            Heard(-101, -20, Frame.Fragment(FrameType.Report, 4, 21, forged)[0].Encode()),
            Heard(-90, 80, [.. Frame.Fragment(FrameType.Order, 4, 21, otherGatewaysOrder)[0].Encode()]),
            Heard(-92, 70, new Frame(FrameType.Beacon, 0, 1, 77, 0, 1, 21, beacon).Encode()),
            Heard(-120, -150, [0xff, 0x00, 0x13]));
        using var store = GatewayStore.Open(":memory:");
        using var link = new NodeLink(port, _ => { });
        var log = new List<string>();
        var gateway = new CouncilGateway(council.Registry, store, link, m => { lock (log) { log.Add(m); } });
        link.Start();
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Count("heard") < 6)
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out: " + store.Count("heard") + " frames stored");
            Thread.Sleep(10);
        }

        Picture picture = SituationPicture.Build(gateway, NodePositions.Empty, DateTimeOffset.UtcNow);
        StationView three = picture.Stations.Single(s => s.Station == 3);
        Assert.IsTrue(three.Verified);
        Assert.AreEqual(17, three.HouseholdsServed);
        Assert.AreEqual(12_400, three.BatteryMillivolts);
        Assert.AreEqual(-3, three.Items.Single(i => i.Code == 2).Stock, "a negative stock (more handed out than booked) is shown as it is");
        StationView four = picture.Stations.Single(s => s.Station == 4);
        Assert.IsFalse(four.Verified, "a report not signed by a registered station key is kept but not shown as fact");
        Assert.IsNull(four.HouseholdsServed);
        Assert.AreEqual(2, store.Count("reports"), "the relayed copy is the same report");

        OrderView heard = picture.Orders.Single();
        Assert.AreEqual("heard from node 21", heard.Origin);
        CollectionAssert.AreEquivalent(new[] { 21 }, heard.Holders.Select(h => h.Node).ToArray());
        StringAssert.Contains(heard.Holders[0].Evidence, "relayed");
        StringAssert.Contains(heard.Holders[0].Evidence, "beacon");
        NodeView relay = picture.Nodes.Single(n => n.Node == 21);
        Assert.AreEqual(3900, relay.BatteryMillivolts);
        Assert.AreEqual(97, relay.HeadroomPercent);
        CollectionAssert.AreEqual(new[] { 9, 22 }, relay.Neighbours);
        Assert.AreEqual(-92, relay.Rssi);
        Assert.AreEqual(6, store.Count("heard"), "the undecodable frame is stored too, as heard");
        Assert.AreEqual("already known", SubmitResultOf(gateway, otherGatewaysOrder), "an order heard on air is not sent again");
    }

    private static string SubmitResultOf(CouncilGateway gateway, byte[] order) => gateway.Submit(order, "test").Reason[..13];
}
