using System.CommandLine;
using System.Diagnostics;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Node;
using Skold.Radio.Model;
using Skold.Radio.Sx127x;
using Skold.Sim;

namespace Skold.Cli.Commands;

/// <summary>`skold node run`: the relay engine with our SX127x driver, on a Linux board's SPI or on the register model.</summary>
internal static class NodeCommand
{
    public static Command Create(CommandIO io)
    {
        var command = new Command("node", "A relay node on this computer: a Raspberry Pi with an SX127x module, or simulated radios.");
        command.Subcommands.Add(Run(io));
        command.Subcommands.Add(NodeConsoleCommand.Create(io));
        return command;
    }

    private static Command Run(CommandIO io)
    {
        var config = new Option<string>("--config") { Description = "The node's configuration file (docs/formats/node-config.md).", Required = true };
        var radio = new Option<string>("--radio") { Description = "spi: the SX127x on this board's SPI and GPIO (Linux); sim: register-model radios in virtual time.", DefaultValueFactory = _ => "spi" };
        var peers = new Option<string>("--peers") { Description = "sim: simulated relays in a line before this node (the first one originates --originate).", DefaultValueFactory = _ => "2" };
        var originate = new Option<string[]>("--originate") { Description = "sim: order files the first simulated relay sends into the mesh.", AllowMultipleArgumentsPerToken = true };
        var minutes = new Option<string>("--minutes") { Description = "sim: virtual minutes to run.", DefaultValueFactory = _ => "30" };
        var hostLink = new Option<string?>("--host-link") { Description = "Offer the host link (docs/formats/host-link.md) on this Unix socket path, for `skold gateway`." };
        var speed = new Option<string?>("--speed") { Description = "sim: virtual time runs this many times the wall clock (default: as fast as possible; 1 with --host-link)." };
        var station = new Option<string?>("--station") { Description = "sim: ID=KEYFILE: the first simulated relay also carries the reports of a simulated aid station with this number and device key (registered by the council), every --report-minutes." };
        var reportMinutes = new Option<string>("--report-minutes") { Description = "sim: virtual minutes between the simulated station's reports.", DefaultValueFactory = _ => "5" };
        var command = new Command("run", "Runs the relay: listens, checks every order and report before relaying it, keeps the duty cycle, beacons. " +
            "Logs one JSON object per line on standard output; a status line (neighbours, queue, duty-cycle headroom) goes to standard error every minute.");
        foreach (Option option in new Option[] { config, radio, peers, originate, minutes, hostLink, speed, station, reportMinutes })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            NodeConfig node;
            try
            {
                node = NodeConfig.Load(parse.GetValue(config)!);
            }
            catch (NodeConfigException e)
            {
                throw new UsageException(e.Message);
            }
            var ed = new Ed25519();
            CouncilRegistry registry = OrderFiles.Registry(node.Registry!, node.Updates ?? [], ed);
            return parse.GetValue(radio) switch
            {
                "sim" => Simulate(io, node, registry,
                    CliInput.Integer(parse.GetValue(peers), "--peers", 1, 20),
                    parse.GetValue(originate) ?? [],
                    CliInput.Integer(parse.GetValue(minutes), "--minutes", 1, 7 * 24 * 60),
                    parse.GetValue(hostLink),
                    parse.GetValue(speed) is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : parse.GetValue(hostLink) is null ? 0 : 1,
                    parse.GetValue(station) is { } st ? SimulatedStation.Parse(st, registry, CliInput.Integer(parse.GetValue(reportMinutes), "--report-minutes", 1, 24 * 60), ed) : null),
                "spi" => RunOnSpi(io, node, registry, parse.GetValue(hostLink)),
                var other => throw new UsageException($"--radio must be spi or sim, not \"{other}\""),
            };
        }));
        return command;
    }

    private static (RelayConfig, RelayEngine) Engine(NodeConfig node, int nodeId, CouncilRegistry registry, IRelayStore store, IRandomSource random, long councilOffsetMs)
    {
        var relay = new RelayConfig(nodeId, node.Modulation(), DutyCycleAccountant.ForFrequency(node.FrequencyHz, node.Amateur))
        {
            Callsign = node.Amateur ? node.Callsign! : "",
            CouncilEpochOffsetMs = councilOffsetMs,
        };
        var engine = new RelayEngine(relay, registry, new CoverageRebroadcastPolicy(3 * relay.BeaconIntervalMs, 0), random, store, new Ed25519(), 0);
        return (relay, engine);
    }

    private static int Simulate(CommandIO io, NodeConfig node, CouncilRegistry registry, int peers, string[] originate, int minutes, string? hostLinkPath, double speed, SimulatedStation? station)
    {
        long offset = (long)SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) * 1000;
        var log = new NodeLog(io.Output);
        var air = new SimulatedAir(node.Modulation());
        var random = new Random(node.NodeId);
        RadioNode? first = null;
        for (int i = 0; i <= peers; i++)
        {
            bool self = i == peers;
            int id = self ? node.NodeId : 60000 + i;
            IRelayStore store = self && node.Store is not null ? new FileRelayStore(node.Store) : new MemoryRelayStore();
            (RelayConfig relay, RelayEngine engine) = Engine(node, id, registry, store, new SeededRandom(random.Next()), offset);
            var chip = new SimulatedSx1276();
            var radioNode = new RadioNode(relay, engine, new Sx127x(chip, chip), node.RadioSettings(), log);
            air.Add(radioNode, chip);
            first ??= radioNode;
        }
        foreach (string path in originate)
        {
            byte[] order = OrderFiles.Read(path).Encode();
            if (!first!.Engine.Originate(order, 0))
            {
                throw new UsageException($"{path} is not accepted by the council's rules (signatures, policy, sequence or expiry): the mesh would drop it");
            }
        }
        RadioNode me = air.Nodes[^1];
        using HostLinkServer? server = hostLinkPath is null ? null : new HostLinkServer(hostLinkPath);
        HostLinkService? service = server is null ? null : new HostLinkService(me, server, 0);
        service?.Attach();
        Action<long>? tick = service is null ? null : service.Serve;
        if (station is not null)
        {
            Action<long>? serve = tick;
            tick = now =>
            {
                serve?.Invoke(now);
                station.Tick(first!, now, offset);
            };
        }
        air.Run(minutes * 60_000L, 60_000, now => io.Error.WriteLine($"[{now / 60000} min] {me.Status(now)}"), speed, tick);
        io.Error.WriteLine($"after {minutes} simulated minutes: " + string.Join("; ", air.Nodes.Select(n => $"node {n.NodeId} holds {n.Engine.Held.Count} order(s)")));
        return 0;
    }

    private static int RunOnSpi(CommandIO io, NodeConfig node, CouncilRegistry registry, string? hostLinkPath)
    {
        if (node.Spi is null)
        {
            throw new UsageException("the configuration has no \"spi\" wiring (bus, chip_select, gpio_chip, reset_pin, dio0_pin): see hardware/raspberry-pi.md");
        }
        if (!OperatingSystem.IsLinux())
        {
            throw new UsageException("--radio spi runs on Linux (spidev and GPIO character devices); use --radio sim elsewhere");
        }
        LinuxSx127xBus bus;
        try
        {
            bus = new LinuxSx127xBus(node.Spi);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException)
        {
            throw new UsageException($"cannot open /dev/spidev{node.Spi.Bus}.{node.Spi.ChipSelect} or GPIO chip {node.Spi.GpioChip}: {e.Message} (enable SPI with raspi-config; run as a user in the spi and gpio groups)");
        }
        using (bus)
        {
            long offset = (long)SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) * 1000;
            IRelayStore store = new FileRelayStore(node.Store ?? $"node{node.NodeId}.store");
            (RelayConfig relay, RelayEngine engine) = Engine(node, node.NodeId, registry, store, new SystemRandomSource(), offset);
            var log = new NodeLog(io.Output);
            var radioNode = new RadioNode(relay, engine, new Sx127x(bus, bus), node.RadioSettings(), log);
            var clock = Stopwatch.StartNew();
            using HostLinkServer? server = hostLinkPath is null ? null : new HostLinkServer(hostLinkPath);
            HostLinkService? service = server is null ? null : new HostLinkService(radioNode, server, 0);
            service?.Attach();
            try
            {
                radioNode.Start(0);
            }
            catch (RadioException e)
            {
                throw new UsageException(e.Message);
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            long nextStatus = 60_000;
            while (!stop.IsCancellationRequested)
            {
                long now = clock.ElapsedMilliseconds;
                bus.TakeDio0();
                service?.Serve(now);
                radioNode.Step(now);
                if (now >= nextStatus)
                {
                    io.Error.WriteLine(radioNode.Status(now));
                    nextStatus += 60_000;
                }
                long wait = Math.Clamp(radioNode.NextWakeMs(now) - clock.ElapsedMilliseconds, 1, 20);
                Thread.Sleep((int)wait);
            }
            return 0;
        }
    }
}
