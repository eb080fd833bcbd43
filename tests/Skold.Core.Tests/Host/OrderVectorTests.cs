using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.Tests.Portable;

namespace Skold.Tests.Host;

/// <summary>
/// Published vectors for the order format (tests/vectors/skold/orders.json): keys from fixed
/// seeds, the genesis, the council id, signed orders and the verdict a device must reach.
/// Ed25519 is deterministic, so the bytes are exact; another implementation can check itself
/// against the file, and a format change here cannot go unnoticed.
/// Regenerate (only for a deliberate format change) with SKOLD_WRITE_VECTORS=1.
/// </summary>
[TestClass]
public class OrderVectorTests
{
    private static string VectorPath => Path.Combine(RepositoryPaths.Root, "tests", "vectors", "skold", "orders.json");

    [TestMethod]
    public void OrdersMatchThePublishedVectors()
    {
        JsonObject built = Build();
        if (Environment.GetEnvironmentVariable("SKOLD_WRITE_VECTORS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(VectorPath)!);
            File.WriteAllText(VectorPath, built.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }
        JsonNode published = JsonNode.Parse(File.ReadAllText(VectorPath))!;
        Assert.AreEqual(published["council_id"]!.GetValue<string>(), built["council_id"]!.GetValue<string>(), "council id");
        Assert.AreEqual(published["genesis"]!.GetValue<string>(), built["genesis"]!.GetValue<string>(), "genesis bytes");
        var publishedOrders = published["orders"]!.AsArray();
        var builtOrders = built["orders"]!.AsArray();
        Assert.AreEqual(publishedOrders.Count, builtOrders.Count);
        for (int i = 0; i < builtOrders.Count; i++)
        {
            Assert.AreEqual(publishedOrders[i]!.ToJsonString(), builtOrders[i]!.ToJsonString(), $"vector {i}: {builtOrders[i]!["description"]}");
        }
    }

    [TestMethod]
    public void PublishedOrdersGetTheirPublishedVerdicts()
    {
        JsonNode published = JsonNode.Parse(File.ReadAllText(VectorPath))!;
        var council = new TestCouncil();
        var genesis = Order.Decode(Convert.FromHexString(published["genesis"]!.GetValue<string>()));
        var registry = CouncilRegistry.FromGenesis(genesis);
        Assert.IsTrue(registry.Check(genesis, council.Ed).Met);
        var device = new OrderAcceptance(registry, council.Ed);
        uint now = (uint)published["device_time"]!.GetValue<long>();
        foreach (JsonNode? vector in published["orders"]!.AsArray())
        {
            var result = device.Accept(Convert.FromHexString(vector!["encoded"]!.GetValue<string>()), now);
            Assert.AreEqual(vector["expected_reason"]!.GetValue<int>(), result.Reason, vector["description"]!.GetValue<string>() + ": " + result);
        }
    }

    private static JsonObject Build()
    {
        var council = new TestCouncil();
        var orders = new JsonArray();
        void Add(string description, Order order, int reason)
        {
            orders.Add(new JsonObject
            {
                ["description"] = description,
                ["signing_message"] = Convert.ToHexStringLower(council.Registry.SigningMessage(order)),
                ["order_id"] = Convert.ToHexStringLower(order.ComputeId()),
                ["encoded"] = Convert.ToHexStringLower(order.Encode()),
                ["expected_reason"] = reason,
            });
        }
        Add("ALERT signed by members 0 (municipal) and 2 (police-rescue): accepted",
            council.Alert(1, "Storm i natt: stanna inne. Värmestuga öppen i Ålidhems skola.", [0, 2]), RejectionReason.None);
        Add("the same ALERT again: replay", council.Alert(1, "Storm i natt: stanna inne. Värmestuga öppen i Ålidhems skola.", [0, 2]), RejectionReason.Replay);
        Add("DISTRIBUTION_RULES signed by 0, 1, 2 (two groups): policy not met", council.Rules(2, 1, [0, 1, 2]), RejectionReason.PolicyNotMet);
        Add("DISTRIBUTION_RULES signed by 0, 2, 4 (three groups): accepted", council.Rules(3, 1, [0, 2, 4]), RejectionReason.None);
        Add("DISTRIBUTION_RULES numbered below the accepted one: stale", council.Rules(2, 5, [1, 3, 5]), RejectionReason.StaleSequence);
        Order forged = council.Alert(4, "Evakuera omedelbart", [0]);
        forged.SetSignature(2, council.Alert(4, "Evakuera omedelbart", [6]).Signature(6)!);
        Add("ALERT whose second signature belongs to another member: invalid signature", forged, RejectionReason.SignatureInvalid);
        var members = new JsonArray();
        for (int i = 0; i < 8; i++)
        {
            members.Add(new JsonObject
            {
                ["seed"] = Convert.ToHexStringLower(TestCouncil.Seed("Storby samordningsråd", i)),
                ["public_key"] = Convert.ToHexStringLower(council.Keys[i].GetPublicKey()),
                ["group"] = CouncilGroup.Name(i / 2),
            });
        }
        return new JsonObject
        {
            ["description"] = "Skold council documents (docs/formats/order.md). Times are seconds since 2024-01-01T00:00:00Z.",
            ["members"] = members,
            ["genesis"] = Convert.ToHexStringLower(council.Genesis.Encode()),
            ["council_id"] = Convert.ToHexStringLower(council.Registry.CouncilId),
            ["device_time"] = TestCouncil.Now,
            ["orders"] = orders,
        };
    }
}
