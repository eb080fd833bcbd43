using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;

namespace Skold.Gateway.Tests;

/// <summary>The picture's reading of digests, on a store filled by hand: no radio involved.</summary>
[TestClass]
public class SituationPictureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static StoredOrder Order(uint id, string state) =>
        new(id, OrderKind.Alert, (int)id, SkoldTime.FromUnixSeconds(Now.AddHours(2).ToUnixTimeSeconds()), "alert #" + id, [1], "test",
            Now.AddMinutes(-10).ToUnixTimeMilliseconds() + id, state, null, Now.AddMinutes(-9).ToUnixTimeMilliseconds());

    private static Beacon Beacon(int held, uint digest, params int[] neighbours) =>
        new() { HeldCount = held, Digest = digest, BatteryMillivolts = 3900, HeadroomPercent = 97, Neighbours = neighbours, Callsign = "" };

    [TestMethod]
    public void BeaconsAndTheNodesStatusSayWhoHoldsWhichOrderAndWhoLacksIt()
    {
        using var store = GatewayStore.Open(":memory:");
        store.AddOrder(Order(101, "accepted"));
        store.AddOrder(Order(202, "accepted"));
        long at = Now.AddMinutes(-1).ToUnixTimeMilliseconds();
        store.AddStatus(at, new NodeStatus(9, 2, 0, 2, 300_000, 0, HoldersInference.Digest([101, 202])));
        store.AddBeacon(at, 21, Beacon(1, HoldersInference.Digest([101]), 9, 22), -95, 45);
        store.AddBeacon(at, 22, Beacon(2, HoldersInference.Digest([101, 777]), 21), -110, -30);
        var gateway = new CouncilGateway(Council.Get().Registry, store, null, _ => { });

        Picture picture = SituationPicture.Build(gateway, NodePositions.Empty, Now);

        OrderView older = picture.Orders.Single(o => o.Id == "00000065");
        OrderView newer = picture.Orders.Single(o => o.Id == "000000ca");
        CollectionAssert.AreEquivalent(new[] { 9, 21 }, older.Holders.Select(h => h.Node).ToArray());
        CollectionAssert.AreEquivalent(new[] { 9 }, newer.Holders.Select(h => h.Node).ToArray());
        CollectionAssert.AreEqual(new[] { 21 }, newer.Lacking.ToArray(), "node 21's digest matches a set without the newer order");
        Assert.AreEqual("unknown", picture.Nodes.Single(n => n.Node == 22).Holdings, "node 22 holds an order this gateway never saw: no claim either way");
        Assert.AreEqual("answered, status", older.Holders.Single(h => h.Node == 9).Evidence);
        Assert.IsTrue(picture.Links.Contains(new LinkLine(9, 21)) && picture.Links.Contains(new LinkLine(21, 22)));
    }

    [TestMethod]
    public void ANodeThatRestartedWithoutItsOrdersIsNoLongerShownHoldingThem()
    {
        using var store = GatewayStore.Open(":memory:");
        store.AddOrder(Order(101, "accepted"));
        store.AddStatus(Now.ToUnixTimeMilliseconds(), new NodeStatus(9, 0, 0, 0, 360_000, 0, HoldersInference.Digest([])));
        var gateway = new CouncilGateway(Council.Get().Registry, store, null, _ => { });

        Picture picture = SituationPicture.Build(gateway, NodePositions.Empty, Now);

        Assert.AreEqual(0, picture.Orders.Single().Holders.Count, "the answer is old news: the status digest says the node holds nothing now");
    }

    [TestMethod]
    public void APositionsFileWithAMistakeIsRefusedWithWhereTheMistakeIs()
    {
        NodePositions good = NodePositions.Parse("""{"nodes": [{"id": 9, "name": "Rådhuset", "lat": 63.8258, "lon": 20.263}]}""", "p.json");
        Assert.AreEqual("Rådhuset", good.Of(9)!.Name);
        FormatException e = Assert.ThrowsExactly<FormatException>(() => NodePositions.Parse("""{"nodes": [{"id": 9, "lat": 63.8}, {"id": 10, "lat": 95, "lon": 20}]}""", "p.json"));
        StringAssert.Contains(e.Message, "p.json: nodes[0]: \"lon\" must be a number");
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => NodePositions.Parse("{\"nodes\": [", "p.json")).Message, "not valid JSON");
    }
}
