using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Mesh;

namespace Skold.Gateway.Tests;

[TestClass]
public class HoldersInferenceTests
{
    private static uint NodeDigest(params uint[] ids)
    {
        var held = new HeldOrders(48);
        foreach (uint id in ids)
        {
            held.Add(id, 1000);
        }
        return held.Digest();
    }

    [TestMethod]
    public void TheGatewaysDigestIsTheRelaysDigestWhateverTheOrder()
    {
        Assert.AreEqual(NodeDigest(5, 0xdeadbeef, 17), HoldersInference.Digest([17, 5, 0xdeadbeef]));
        Assert.AreEqual(NodeDigest(), HoldersInference.Digest([]));
    }

    [TestMethod]
    public void ABeaconMatchesTheKnownSetOrTheKnownSetWithoutTheNewestAndNothingElse()
    {
        uint[] known = [101, 202, 303, 404];
        CollectionAssert.AreEqual(new uint[] { 101, 202, 303, 404 }, HoldersInference.Match(NodeDigest(404, 303, 202, 101), 4, known));
        CollectionAssert.AreEqual(new uint[] { 101, 202, 303 }, HoldersInference.Match(NodeDigest(101, 202, 303), 3, known), "the newest has not arrived yet");
        CollectionAssert.AreEqual(new uint[] { 202, 404 }, HoldersInference.Match(NodeDigest(202, 404), 2, known), "two missed");
        Assert.IsNull(HoldersInference.Match(NodeDigest(101, 202, 303, 999), 4, known), "an order the gateway never saw: no claim");
        Assert.IsNull(HoldersInference.Match(NodeDigest(101), 1, known), "three missing is beyond what is tried");
        CollectionAssert.AreEqual(Array.Empty<uint>(), HoldersInference.Match(NodeDigest(), 0, known));
    }
}
