using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Sim;

namespace Skold.Cli.Tests;

/// <summary>The network simulator running the real relay engine: outcomes, determinism, and the CLI.</summary>
[TestClass]
public class SimulatorTests
{
    private static SimulationResult Run(Topology topology, string relay, int orders = 5, double hours = 2, int seed = 1) =>
        new Simulator(topology, new SimulationOptions { Relay = relay, Orders = orders, Hours = hours, Seed = seed }).Run();

    [TestMethod]
    public void ATownGetsEveryOrderWithinTheDutyCycleAndFewerTransmissionsThanNaiveFlooding()
    {
        Topology town = TopologyGenerator.Generate("town:60", seed: 2);
        SimulationResult skold = Run(town, "skold", orders: 10, seed: 2);
        SimulationResult naive = Run(town, "naive", orders: 10, seed: 2);
        Assert.AreEqual(1.0, skold.DeliveryRatio, "every (node, order) pair once store-and-forward has run");
        Assert.IsGreaterThanOrEqualTo(0.98, skold.DeliveryRatioFlooding);
        Assert.AreEqual(0, skold.DutyCycleViolations);
        // About half of naive flooding's frames on these towns; the issue asks for at most half (README).
        Assert.IsLessThanOrEqualTo(naive.TransmissionsPerOrder * 0.6, skold.TransmissionsPerOrder);
        Assert.IsGreaterThan(57.0, naive.TransmissionsPerOrder, "naive flooding: every node that has an order sends it once");
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameRun()
    {
        Topology town = TopologyGenerator.Generate("town:30", seed: 5);
        string a = Run(town, "skold", seed: 5).ToJson().ToJsonString();
        string b = Run(TopologyGenerator.Generate("town:30", seed: 5), "skold", seed: 5).ToJson().ToJsonString();
        Assert.AreEqual(a, b);
    }

    [TestMethod]
    public void NodesThatWereOffGetTheOrdersTheyMissedSoonAfterTheyReturn()
    {
        Topology town = TopologyGenerator.Generate("town:40", seed: 3);
        var offline = new[] { 5, 12, 21 }.Select(i => new OfflineWindow { Id = town.Nodes[i].Id, FromS = 600, UntilS = 3000 }).ToList();
        var withOutage = town with { Offline = offline };
        SimulationResult result = Run(withOutage, "skold", orders: 8, seed: 3);
        Assert.IsGreaterThan(0, result.OfflineOrdersRecovered, "orders were sent while they were off");
        Assert.AreEqual(0, result.OfflineOrdersMissing);
        Assert.IsLessThan(30 * 60 * 1000.0, result.RecoveryMsMax, "within half an hour of coming back");
        Assert.AreEqual(1.0, result.DeliveryRatio);
    }

    [TestMethod]
    public void WhatARepairedNodeFloodsOnCountsAsRepairNotFlooding()
    {
        // Council - R1 - R2 in a line; R1 is off when the order goes out, so R2 can only get it
        // through R1 once R1 has had it repaired and floods it on.
        Topology line = TopologyGenerator.Generate("line:3", seed: 1);
        line = line with { Offline = [new OfflineWindow { Id = line.Nodes[1].Id, FromS = 0, UntilS = 1000 }] };
        SimulationResult result = Run(line, "skold", orders: 1, seed: 1);
        Assert.IsFalse(result.LinkMarginsDb.Any(l => l.A == 0 && l.B == 2), "the council does not reach R2 directly");
        Assert.AreEqual(1.0, result.DeliveryRatio);
        Assert.AreEqual(1.0 / 3, result.DeliveryRatioFlooding, 1e-9, "only the council had it by flooding");
        Assert.AreEqual(2, result.RepairedAt.Sum());
    }

    [TestMethod]
    public void SimPrintsTheMetricsAsJsonAndWritesPlots()
    {
        string dir = Directory.CreateTempSubdirectory("skold-sim-").FullName;
        try
        {
            var (exitCode, output, error) = CliRunner.Run("", "sim", "--generate", "town:30", "--relay", "managed", "--orders", "3", "--seed", "1", "--hours", "1", "--json", "--plots", dir);
            Assert.AreEqual(0, exitCode, error);
            using var json = JsonDocument.Parse(output);
            foreach (string field in new[] { "delivery_ratio", "transmissions_per_order", "airtime_ms_per_order", "duty_cycle_violations", "latency_ms_p50", "latency_ms_p95", "latency_ms_max", "nodes" })
            {
                Assert.IsTrue(json.RootElement.TryGetProperty(field, out _), field);
            }
            Assert.AreEqual(30, json.RootElement.GetProperty("nodes").GetInt32());
            StringAssert.StartsWith(File.ReadAllText(Path.Combine(dir, "coverage-map.svg")), "<svg");
            StringAssert.Contains(File.ReadAllText(Path.Combine(dir, "delivery.svg")), "<polyline");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void ABrokenTopologyFileGetsAClearError()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"nodes\": [{\"id\": \"A\"}, {\"id\": \"A\"}]}");
            var (exitCode, _, error) = CliRunner.Run("", "sim", "--topology", file);
            Assert.AreEqual(2, exitCode);
            StringAssert.Contains(error, "unique \"id\"");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
