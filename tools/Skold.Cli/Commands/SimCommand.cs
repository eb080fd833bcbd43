using System.CommandLine;
using System.Globalization;
using Skold.Sim;

namespace Skold.Cli.Commands;

/// <summary>`skold sim`: the relay engine on every node of a simulated network.</summary>
internal static class SimCommand
{
    public static Command Create(CommandIO io)
    {
        var topology = new Option<string?>("--topology") { Description = "A topology JSON file (see docs/formats/topology.md)." };
        var generate = new Option<string?>("--generate") { Description = "Generate one instead: town:N[:hops], grid:WxH[:spacing_m] or line:N[:spacing_m]." };
        var relay = new Option<string>("--relay") { Description = "skold, managed (Meshtastic-style) or naive flooding.", DefaultValueFactory = _ => "skold" };
        var orders = new Option<int>("--orders") { Description = "Council orders to send through the mesh.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same run.", DefaultValueFactory = _ => 1 };
        var hours = new Option<double>("--hours") { Description = "Network time to simulate.", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object of metrics." };
        var plots = new Option<string?>("--plots") { Description = "Write coverage-map.svg and delivery.svg into this folder." };
        var saveTopology = new Option<string?>("--save-topology") { Description = "Write the (generated) topology to this file." };
        var command = new Command("sim",
            "Simulates a LoRa mesh carrying council orders: path loss with shadowing, collisions with capture, half-duplex " +
            "radios and duty cycles, the real relay engine on every node. Prints delivery, transmissions and airtime per order, " +
            "duty-cycle violations and latency.");
        foreach (Option option in new Option[] { topology, generate, relay, orders, seed, hours, json, plots, saveTopology })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            int runSeed = parse.GetValue(seed);
            Topology net;
            if (parse.GetValue(topology) is string file)
            {
                try
                {
                    net = Topology.Load(file);
                }
                catch (InvalidDataException e)
                {
                    throw new UsageException(e.Message);
                }
            }
            else
            {
                net = TopologyGenerator.Generate(parse.GetValue(generate) ?? throw new UsageException("give --topology <file> or --generate <spec>"), runSeed);
            }
            if (parse.GetValue(saveTopology) is string save)
            {
                net.Save(save);
            }
            string relayName = parse.GetValue(relay)!;
            if (relayName is not ("skold" or "managed" or "naive"))
            {
                throw new UsageException("--relay must be skold, managed or naive");
            }
            if (parse.GetValue(orders) < 1 || parse.GetValue(hours) <= 0)
            {
                throw new UsageException("--orders and --hours must be positive");
            }
            var options = new SimulationOptions { Relay = relayName, Orders = parse.GetValue(orders), Seed = runSeed, Hours = parse.GetValue(hours) };
            SimulationResult result = new Simulator(net, options).Run();
            if (parse.GetValue(plots) is string folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "coverage-map.svg"), SvgPlots.CoverageMap(result));
                File.WriteAllText(Path.Combine(folder, "delivery.svg"), SvgPlots.DeliveryOverTime(result));
            }
            if (parse.GetValue(json))
            {
                io.Output.WriteLine(result.ToJson().ToJsonString());
                return 0;
            }
            var c = CultureInfo.InvariantCulture;
            io.Output.WriteLine(string.Format(c, "{0} relaying, {1} nodes ({2} hops deep), {3} orders, {4:F1} h of network time", result.Relay, result.Nodes, result.Depth, result.Orders, options.Hours));
            io.Output.WriteLine(string.Format(c, "  delivered            {0:P2} of (node, order) pairs ({1:P2} by flooding alone)", result.DeliveryRatio, result.DeliveryRatioFlooding));
            io.Output.WriteLine(string.Format(c, "  transmissions/order  {0:F1} frames, {1:F0} ms of airtime", result.TransmissionsPerOrder, result.AirtimeMsPerOrder));
            io.Output.WriteLine(string.Format(c, "  latency              median {0:F1} s, 95% {1:F1} s, worst {2:F1} s", result.LatencyMsP50 / 1000, result.LatencyMsP95 / 1000, result.LatencyMsMax / 1000));
            io.Output.WriteLine(string.Format(c, "  duty-cycle breaches  {0}", result.DutyCycleViolations));
            if (net.Offline.Count > 0)
            {
                io.Output.WriteLine(string.Format(c, "  offline nodes        {0} missed orders recovered (worst {1:F0} s after return), {2} still missing", result.OfflineOrdersRecovered, result.RecoveryMsMax / 1000, result.OfflineOrdersMissing));
            }
            if (parse.GetValue(plots) is string written)
            {
                io.Output.WriteLine($"  plots                {Path.Combine(written, "coverage-map.svg")}, {Path.Combine(written, "delivery.svg")}");
            }
            return 0;
        }));
        return command;
    }
}
