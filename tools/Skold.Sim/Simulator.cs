using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;

namespace Skold.Sim;

/// <summary>What to simulate besides the topology.</summary>
public sealed record SimulationOptions
{
    /// <summary>skold, managed (Meshtastic-style) or naive.</summary>
    public string Relay { get; init; } = "skold";
    public int Orders { get; init; } = 5;
    public int Seed { get; init; } = 1;
    public double Hours { get; init; } = 2;
    /// <summary>When the first order enters the mesh: after the first beacons, at most a quarter into the run.</summary>
    public double FirstOrderS { get; init; } = 900;
    /// <summary>Orders enter at most this far apart, all within the first 60% of the run so they can spread.</summary>
    public double OrderSpacingS { get; init; } = 300;

    public double FirstOrderAtS => Math.Min(FirstOrderS, Hours * 3600 / 4);

    public double SpacingS => Orders <= 1 ? 0 : Math.Min(OrderSpacingS, (Hours * 3600 * 0.6 - FirstOrderAtS) / (Orders - 1));
    public long BeaconIntervalMs { get; init; } = 15 * 60 * 1000;
    /// <summary>From what SNR a node that hears a relay is that relay's responsibility (CoverageRebroadcastPolicy).</summary>
    public int ListenerSnrTenths { get; init; } = 0;
    /// <summary>The council time (seconds, SkoldTime) at the simulation's start.</summary>
    public long CouncilEpochS { get; init; } = 100_000_000;
}

/// <summary>A council for a simulation: the registry every node starts from, and the orders to measure, each with when it enters the mesh.</summary>
public sealed record SimulatedCouncil(CouncilRegistry Registry, IReadOnlyList<(byte[] Message, double AtSeconds)> Orders);

/// <summary>
/// A discrete-event simulation of a LoRa mesh, deterministic by seed, running the core's real
/// RelayEngine on every node. The channel: log-distance path loss with shadowing, a demodulation
/// floor per spreading factor, collisions between frames that overlap in time at a receiver
/// unless one is at least 6 dB stronger (capture), half-duplex radios that hear nothing while
/// they transmit, carrier sense before sending, and each node's duty cycle (kept by the engine,
/// checked again here independently). Time runs in microseconds.
/// </summary>
public sealed class Simulator
{
    private readonly Topology _topology;
    private readonly SimulationOptions _options;
    private readonly ChannelModel _channel;
    private readonly LoRaModulation _modulation;
    private readonly int _n;
    private readonly double[,] _rssi;
    private readonly List<int>[] _audible;
    private readonly NodeState[] _nodes;
    private readonly PriorityQueue<SimEvent, (long, long)> _events = new();
    private readonly Ed25519 _ed = new();
    private readonly CouncilRegistry _registry;
    private readonly byte[][] _orders;
    private readonly uint[] _orderIds;
    private readonly long[] _injectedUs;
    private readonly long[,] _heldAtUs;
    private readonly bool[,] _viaRepair;
    private readonly long _endUs;
    private readonly long _dutyLimitUsPerHour;
    private readonly List<byte[]> _injected = [];
    private readonly Dictionary<uint, long> _transmissionsById = [];
    private readonly List<(double Minutes, double Delivered)> _deliveryOverTime = [];
    private long _nextSampleUs;
    private long _deliveredPairs;
    private long _nowUs;
    private bool _started;
    private long _sequence;
    private long _nextTxId;
    private long _orderTransmissions;
    private long _repairTransmissions;
    private long _orderAirtimeUs;
    private long _allTransmissions;
    private int _dutyViolations;

    public Simulator(Topology topology, SimulationOptions options)
        : this(topology, options, null)
    {
    }

    /// <summary>
    /// A run with the caller's council: every node starts from <paramref name="council"/>'s
    /// registry, and its orders enter at the council node at the given seconds (they are the
    /// orders delivery is measured on).
    /// </summary>
    public Simulator(Topology topology, SimulationOptions options, SimulatedCouncil? council)
    {
        _topology = topology;
        _options = options;
        _channel = new ChannelModel(topology.Radio, options.Seed);
        _modulation = new LoRaModulation(topology.Radio.Sf, BandwidthHz(topology.Radio.BwKhz), topology.Radio.Cr);
        _n = topology.Nodes.Count;
        _endUs = (long)(options.Hours * 3600e6);
        _rssi = new double[_n, _n];
        _audible = new List<int>[_n];
        for (int a = 0; a < _n; a++)
        {
            _audible[a] = [];
            double tx = topology.Nodes[a].TxDbm ?? topology.Radio.TxDbm;
            for (int b = 0; b < _n; b++)
            {
                if (a == b)
                {
                    continue;
                }
                _rssi[a, b] = _channel.RssiDbm(topology.Nodes[a], topology.Nodes[b], tx, a, b);
                // Frames 10 dB under the demodulation floor still spoil others (interference).
                if (_rssi[a, b] >= _channel.SensitivityDbm - 10)
                {
                    _audible[a].Add(b);
                }
            }
        }
        long hz = (long)Math.Round(topology.Radio.FreqMhz * 1e6);
        _dutyLimitUsPerHour = topology.Radio.Amateur ? long.MaxValue : DutyPermille(hz) * 3600L * 1000;

        if (council is null)
        {
            (_registry, _orders) = MakeCouncilAndOrders(options);
            _injectedUs = Enumerable.Range(0, _orders.Length).Select(k => (long)((options.FirstOrderAtS + k * options.SpacingS) * 1e6)).ToArray();
        }
        else
        {
            _registry = council.Registry;
            _orders = council.Orders.Select(o => o.Message).ToArray();
            _injectedUs = council.Orders.Select(o => (long)(o.AtSeconds * 1e6)).ToArray();
        }
        _orderIds = _orders.Select(Frame.MessageIdOf).ToArray();
        _heldAtUs = new long[_n, _orders.Length];
        _viaRepair = new bool[_n, _orders.Length];
        for (int i = 0; i < _n; i++)
        {
            for (int k = 0; k < _orders.Length; k++)
            {
                _heldAtUs[i, k] = -1;
            }
        }
        _nodes = new NodeState[_n];
        for (int i = 0; i < _n; i++)
        {
            _nodes[i] = new NodeState { Store = new MemoryRelayStore(), Random = new SeededRandom(options.Seed * 7919 + i) };
        }
    }

    public static int BandwidthHz(double khz) => khz switch
    {
        7.8 => 7800,
        10.4 => 10400,
        15.6 => 15600,
        20.8 => 20800,
        41.7 => 41700,
        _ => (int)Math.Round(khz * 1000),
    };

    public SimulationResult Run()
    {
        Start();
        RunUntil(_options.Hours * 3600);
        return Finish();
    }

    /// <summary>Boots the nodes and schedules the outages and the council's orders; RunUntil then moves time on.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("the simulation has started already");
        }
        _started = true;
        for (int i = 0; i < _n; i++)
        {
            if (!IsOfflineAt(i, 0))
            {
                BootNode(i, 0);
            }
        }
        foreach (var window in _topology.Offline)
        {
            int i = IndexOf(window.Id!);
            Push(new SimEvent(EventKind.Offline, (long)(window.FromS * 1e6), i, 0));
            Push(new SimEvent(EventKind.Online, (long)(window.UntilS * 1e6), i, 0));
        }
        for (int k = 0; k < _orders.Length; k++)
        {
            Push(new SimEvent(EventKind.Inject, _injectedUs[k], _topology.CouncilIndex, k));
        }
    }

    /// <summary>Handles every event up to <paramref name="seconds"/> (at most the run's hours).</summary>
    public void RunUntil(double seconds)
    {
        long untilUs = Math.Min(_endUs, (long)(seconds * 1e6));
        while (_events.TryPeek(out SimEvent? next, out _) && next.TimeUs <= untilUs)
        {
            SimEvent e = _events.Dequeue();
            while (_nextSampleUs <= e.TimeUs)
            {
                _deliveryOverTime.Add((_nextSampleUs / 60e6, (double)_deliveredPairs / Math.Max(1, _n * _orders.Length)));
                _nextSampleUs += 60_000_000;
            }
            _nowUs = e.TimeUs;
            _deliveredPairs += Handle(e);
        }
        _nowUs = Math.Max(_nowUs, untilUs);
    }

    /// <summary>
    /// A message that enters the mesh at node <paramref name="node"/> at <paramref name="atSeconds"/>
    /// (not before now): an order (a forgery, say, that delivery is not measured on) or a sealed station report.
    /// </summary>
    public void Inject(int node, byte[] message, bool report, double atSeconds)
    {
        long atUs = Math.Max(_nowUs, (long)(atSeconds * 1e6));
        _injected.Add(message);
        Push(new SimEvent(report ? EventKind.InjectReport : EventKind.InjectExtra, atUs, node, _injected.Count - 1));
    }

    /// <summary>True when node <paramref name="node"/> is running and holds the order with this message id.</summary>
    public bool Holds(int node, uint messageId) => _nodes[node].Engine?.Held.Holds(messageId) ?? false;

    /// <summary>True when node <paramref name="node"/> is running and has accepted the station report with this message id.</summary>
    public bool HasReport(int node, uint messageId) => _nodes[node].Engine?.HasReport(messageId) ?? false;

    /// <summary>Frames sent so far that carry this message id (copies, fragments and repairs).</summary>
    public long TransmissionsOf(uint messageId) => _transmissionsById.GetValueOrDefault(messageId);

    /// <summary>The run's metrics over the measured orders, as Run returns them.</summary>
    public SimulationResult Finish() => Summarize(_deliveryOverTime);

    private long Handle(SimEvent e)
    {
        NodeState node = _nodes[e.Node];
        switch (e.Kind)
        {
            case EventKind.Wake:
                if (node.Engine is null || e.Version != node.WakeVersion)
                {
                    return 0;
                }
                node.WakeAtUs = long.MaxValue;
                Wake(e.Node, e.TimeUs);
                return 0;
            case EventKind.TxEnd:
                return EndTransmission(e);
            case EventKind.Inject:
                {
                    if (node.Engine is null)
                    {
                        return 0;
                    }
                    node.Engine.Originate(_orders[e.Data], e.TimeUs / 1000);
                    long delivered = RecordHoldings(e.Node, e.TimeUs, false);
                    ScheduleWake(e.Node, e.TimeUs);
                    return delivered;
                }
            case EventKind.InjectExtra:
            case EventKind.InjectReport:
                if (node.Engine is null)
                {
                    return 0;
                }
                if (e.Kind == EventKind.InjectReport)
                {
                    node.Engine.OriginateReport(_injected[e.Data], e.TimeUs / 1000);
                }
                else
                {
                    node.Engine.Originate(_injected[e.Data], e.TimeUs / 1000);
                }
                ScheduleWake(e.Node, e.TimeUs);
                return 0;
            case EventKind.Offline:
                node.Engine = null;
                node.Receptions.Clear();
                node.TransmittingUntilUs = 0;
                // Forget the pending wake, or the rebooted engine would never be woken.
                node.WakeAtUs = long.MaxValue;
                node.WakeVersion++;
                return 0;
            default:
                BootNode(e.Node, e.TimeUs);
                return 0;
        }
    }

    private void BootNode(int i, long nowUs)
    {
        NodeState node = _nodes[i];
        var config = new RelayConfig(i, _modulation, DutyCycleAccountant.ForFrequency((long)Math.Round(_topology.Radio.FreqMhz * 1e6), _topology.Radio.Amateur))
        {
            BeaconIntervalMs = _options.BeaconIntervalMs,
            CouncilEpochOffsetMs = _options.CouncilEpochS * 1000,
            Callsign = _topology.Radio.Amateur ? "SK0SKO" : "",
            BatteryCentivolts = 390,
        };
        // The accountant restarts empty after a reboot; the simulator's own check does not.
        node.Engine = new RelayEngine(config, _registry, Policy(), node.Random, node.Store, _ed, nowUs / 1000);
        node.BootedAtUs = nowUs;
        RecordHoldings(i, nowUs, false);
        ScheduleWake(i, nowUs);
    }

    private IRebroadcastPolicy Policy() => _options.Relay switch
    {
        "skold" => new CoverageRebroadcastPolicy(3 * _options.BeaconIntervalMs, _options.ListenerSnrTenths),
        "managed" => new ManagedFloodingPolicy(_modulation.SymbolMicroseconds / 1000.0),
        "naive" => new NaiveFloodingPolicy(),
        _ => throw new ArgumentException($"--relay must be skold, managed or naive, not {_options.Relay}"),
    };

    private void Wake(int i, long nowUs)
    {
        NodeState node = _nodes[i];
        if (node.TransmittingUntilUs > nowUs)
        {
            return;
        }
        long nowMs = nowUs / 1000;
        bool busy = node.Receptions.Any(r => r.RssiDbm >= _channel.SensitivityDbm);
        OutgoingFrame? frame = null;
        for (int attempt = 0; attempt < 8 && frame is null; attempt++)
        {
            frame = node.Engine!.Poll(nowMs, busy);
            if (frame is null && (busy || node.Engine.NextActionMs(nowMs) > nowMs))
            {
                break;
            }
        }
        if (frame is not null)
        {
            StartTransmission(i, nowUs, frame);
            return;
        }
        if (busy)
        {
            long end = node.Receptions.Max(r => r.EndUs);
            ScheduleWakeAt(i, end + 1000 + node.Random.Next(20_000));
        }
        else
        {
            // Time must move on after an idle poll, whatever the engine says.
            ScheduleWake(i, nowUs + 1000);
        }
    }

    private void StartTransmission(int i, long nowUs, OutgoingFrame frame)
    {
        NodeState node = _nodes[i];
        long airtime = frame.AirtimeMicroseconds;
        CheckDutyCycle(node, nowUs, airtime);
        node.TransmittingUntilUs = nowUs + airtime;
        foreach (var r in node.Receptions)
        {
            r.Corrupted = true;
        }
        _allTransmissions++;
        _transmissionsById[frame.MessageId] = _transmissionsById.GetValueOrDefault(frame.MessageId) + 1;
        if (frame.Type == FrameType.Order)
        {
            _repairTransmissions += frame.Repair ? 1 : 0;
            _orderTransmissions++;
            _orderAirtimeUs += airtime;
        }
        // A flood copy sent by a node that got the order from a repair (or from such a copy)
        // descends from store-and-forward, not from the flood: it carries the mark on.
        int order = frame.Type == FrameType.Order ? Array.IndexOf(_orderIds, frame.MessageId) : -1;
        bool fromRepair = frame.Repair || (order >= 0 && _viaRepair[i, order]);
        var tx = new Transmission(_nextTxId++, i, frame.Data, nowUs, nowUs + airtime, fromRepair);
        foreach (int b in _audible[i])
        {
            NodeState receiver = _nodes[b];
            if (receiver.Engine is null || receiver.TransmittingUntilUs > nowUs)
            {
                continue;
            }
            var reception = new Reception(tx, _rssi[i, b]);
            foreach (var other in receiver.Receptions)
            {
                if (reception.RssiDbm - other.RssiDbm < ChannelModel.CaptureThresholdDb)
                {
                    reception.Corrupted = true;
                }
                if (other.RssiDbm - reception.RssiDbm < ChannelModel.CaptureThresholdDb)
                {
                    other.Corrupted = true;
                }
            }
            receiver.Receptions.Add(reception);
        }
        Push(new SimEvent(EventKind.TxEnd, tx.EndUs, i, 0) { Tx = tx });
    }

    private long EndTransmission(SimEvent e)
    {
        Transmission tx = e.Tx!;
        long delivered = 0;
        foreach (int b in _audible[tx.Sender])
        {
            NodeState receiver = _nodes[b];
            Reception? reception = receiver.Receptions.FirstOrDefault(r => r.Tx.Id == tx.Id);
            if (reception is null)
            {
                continue;
            }
            receiver.Receptions.Remove(reception);
            double snr = reception.RssiDbm - _channel.NoiseFloorDbm;
            if (reception.Corrupted || snr < _channel.SnrThresholdDb || receiver.Engine is null)
            {
                continue;
            }
            receiver.Engine.Receive(tx.Data, 0, tx.Data.Length, (int)Math.Round(snr * 10), e.TimeUs / 1000);
            delivered += RecordHoldings(b, e.TimeUs, tx.Repair);
            ScheduleWake(b, e.TimeUs);
        }
        NodeState sender = _nodes[tx.Sender];
        if (sender.Engine is not null)
        {
            ScheduleWakeAt(tx.Sender, e.TimeUs);
        }
        return delivered;
    }

    private long RecordHoldings(int i, long nowUs, bool viaRepair)
    {
        RelayEngine engine = _nodes[i].Engine!;
        long newly = 0;
        for (int k = 0; k < _orders.Length; k++)
        {
            if (_heldAtUs[i, k] < 0 && engine.Held.Holds(_orderIds[k]))
            {
                _heldAtUs[i, k] = nowUs;
                _viaRepair[i, k] = viaRepair;
                newly++;
            }
        }
        return newly;
    }

    private void ScheduleWake(int i, long nowUs)
    {
        NodeState node = _nodes[i];
        if (node.Engine is null)
        {
            return;
        }
        long nextMs = node.Engine.NextActionMs(nowUs / 1000);
        if (nextMs == long.MaxValue)
        {
            return;
        }
        ScheduleWakeAt(i, Math.Max(nowUs, nextMs * 1000));
    }

    private void ScheduleWakeAt(int i, long atUs)
    {
        NodeState node = _nodes[i];
        if (atUs >= node.WakeAtUs)
        {
            return;
        }
        node.WakeAtUs = atUs;
        node.WakeVersion++;
        Push(new SimEvent(EventKind.Wake, atUs, i, 0) { Version = node.WakeVersion });
    }

    // The simulator's own check of the law, independent of the engine's accountant: the hour
    // ending when this frame ends may hold at most the sub-band's share of airtime.
    private void CheckDutyCycle(NodeState node, long nowUs, long airtimeUs)
    {
        long end = nowUs + airtimeUs;
        long windowStart = end - 3_600_000_000L;
        node.History.RemoveAll(h => h.StartUs + h.AirtimeUs <= windowStart);
        long used = airtimeUs;
        foreach (var (start, length) in node.History)
        {
            used += Math.Max(0, Math.Min(start + length, end) - Math.Max(start, windowStart));
        }
        if (used > _dutyLimitUsPerHour)
        {
            _dutyViolations++;
        }
        node.History.Add((nowUs, airtimeUs));
    }

    private SimulationResult Summarize(List<(double Minutes, double Delivered)> deliveryOverTime)
    {
        var latencies = new List<double>();
        long pairs = (long)_n * _orders.Length;
        long delivered = 0;
        long byFlooding = 0;
        for (int i = 0; i < _n; i++)
        {
            for (int k = 0; k < _orders.Length; k++)
            {
                if (_heldAtUs[i, k] >= 0)
                {
                    delivered++;
                    byFlooding += _viaRepair[i, k] ? 0 : 1;
                    latencies.Add((_heldAtUs[i, k] - _injectedUs[k]) / 1000.0);
                }
            }
        }
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];

        // Orders a node missed while offline: how long after its return until it held them.
        double recoveryMax = 0;
        int recovered = 0;
        int unrecovered = 0;
        foreach (var window in _topology.Offline)
        {
            int i = IndexOf(window.Id!);
            long back = (long)(window.UntilS * 1e6);
            for (int k = 0; k < _orders.Length; k++)
            {
                if (_injectedUs[k] < back && _injectedUs[k] >= (long)(window.FromS * 1e6) - 60_000_000 && back < _endUs)
                {
                    if (_heldAtUs[i, k] < 0)
                    {
                        unrecovered++;
                    }
                    else if (_heldAtUs[i, k] >= back)
                    {
                        recovered++;
                        recoveryMax = Math.Max(recoveryMax, (_heldAtUs[i, k] - back) / 1000.0);
                    }
                }
            }
        }
        var engines = _nodes.Select(n => n.Engine).Where(e => e is not null).ToList();
        return new SimulationResult
        {
            Nodes = _n,
            Orders = _orders.Length,
            Relay = _options.Relay,
            DeliveryRatio = pairs == 0 ? 1 : (double)delivered / pairs,
            DeliveryRatioFlooding = pairs == 0 ? 1 : (double)byFlooding / pairs,
            TransmissionsPerOrder = _orders.Length == 0 ? 0 : (double)_orderTransmissions / _orders.Length,
            AirtimeMsPerOrder = _orders.Length == 0 ? 0 : _orderAirtimeUs / 1000.0 / _orders.Length,
            TotalTransmissions = _allTransmissions,
            RepairTransmissions = _repairTransmissions,
            Cancelled = _nodes.Sum(n => n.Engine?.Statistics.Cancelled ?? 0),
            Duplicates = _nodes.Sum(n => n.Engine?.Statistics.Duplicates ?? 0),
            DutyCycleViolations = _dutyViolations,
            LatencyMsP50 = Percentile(0.5),
            LatencyMsP95 = Percentile(0.95),
            LatencyMsMax = latencies.Count == 0 ? 0 : latencies[^1],
            OfflineOrdersRecovered = recovered,
            OfflineOrdersMissing = unrecovered,
            RecoveryMsMax = recoveryMax,
            Depth = TopologyGenerator.Depth(_topology, _channel),
            DeliveryOverTime = deliveryOverTime,
            HeldAt = Enumerable.Range(0, _n).Select(i => Enumerable.Range(0, _orders.Length).All(k => _heldAtUs[i, k] >= 0)).ToArray(),
            RepairedAt = Enumerable.Range(0, _n).Select(i => Enumerable.Range(0, _orders.Length).Count(k => _heldAtUs[i, k] < 0 || _viaRepair[i, k])).ToArray(),
            Topology = _topology,
            LinkMarginsDb = Links(),
        };
    }

    private List<(int A, int B, double MarginDb)> Links()
    {
        var links = new List<(int, int, double)>();
        for (int a = 0; a < _n; a++)
        {
            for (int b = a + 1; b < _n; b++)
            {
                double margin = Math.Min(_rssi[a, b], _rssi[b, a]) - _channel.SensitivityDbm;
                if (margin >= 0)
                {
                    links.Add((a, b, margin));
                }
            }
        }
        return links;
    }

    private bool IsOfflineAt(int i, double seconds) =>
        _topology.Offline.Any(w => w.Id == _topology.Nodes[i].Id && w.FromS <= seconds && seconds < w.UntilS);

    private int IndexOf(string id)
    {
        for (int i = 0; i < _n; i++)
        {
            if (_topology.Nodes[i].Id == id)
            {
                return i;
            }
        }
        throw new ArgumentException("unknown node " + id);
    }

    private void Push(SimEvent e) => _events.Enqueue(e, (e.TimeUs, _sequence++));

    private static int DutyPermille(long hz) => hz switch
    {
        >= 868_000_000 and <= 868_600_000 => 10,
        >= 868_700_000 and <= 869_200_000 => 1,
        >= 869_400_000 and <= 869_650_000 => 100,
        >= 869_700_000 and <= 870_000_000 => 10,
        _ => 10,
    };

    // The council of eight (two per group) with keys from fixed seeds, and the alerts it issues,
    // each signed by two members of two groups.
    private static (CouncilRegistry, byte[][]) MakeCouncilAndOrders(SimulationOptions options)
    {
        var ed = new Ed25519();
        var keys = new Ed25519PrivateKey[8];
        var members = new CouncilMember[8];
        for (int i = 0; i < 8; i++)
        {
            byte[] seed = new byte[32];
            seed[0] = (byte)i;
            seed[1] = 0x5c;
            keys[i] = ed.CreatePrivateKey(seed);
            members[i] = new CouncilMember("Member " + i, i / 2, keys[i].GetPublicKey(), 0, CouncilMember.Forever, false);
        }
        var genesis = new Order(OrderKind.Genesis, 0, (uint)options.CouncilEpochS, 0, new GenesisBody("Simulated council", 10_000_000, members, KindPolicy.Defaults()));
        var registry = CouncilRegistry.FromGenesis(genesis);
        var orders = new byte[options.Orders][];
        int lifetime = (int)Math.Min(Order.MaxLifetimeMinutes, options.Hours * 60 + 120);
        for (int k = 0; k < options.Orders; k++)
        {
            uint created = (uint)(options.CouncilEpochS + options.FirstOrderAtS + k * options.SpacingS);
            string text = $"Order {k + 1}: storm warning, stay indoors. Warm shelter open at the school; bring blankets, water and food.";
            var order = new Order(OrderKind.Alert, k + 1, created, lifetime, new AlertBody(AlertBody.Warning, 0, text));
            byte[] message = registry.SigningMessage(order);
            order.SetSignature(0, ed.Sign(keys[0], message));
            order.SetSignature(2, ed.Sign(keys[2], message));
            orders[k] = order.Encode();
        }
        return (registry, orders);
    }

    private enum EventKind { Wake, TxEnd, Inject, InjectExtra, InjectReport, Offline, Online }

    private sealed record SimEvent(EventKind Kind, long TimeUs, int Node, int Data)
    {
        public long Version { get; init; }
        public Transmission? Tx { get; init; }
    }

    /// <param name="Repair">A repair, or a flood copy descended from one: what it delivers counts as repaired.</param>
    private sealed record Transmission(long Id, int Sender, byte[] Data, long StartUs, long EndUs, bool Repair);

    private sealed class Reception(Transmission tx, double rssiDbm)
    {
        public Transmission Tx { get; } = tx;
        public double RssiDbm { get; } = rssiDbm;
        public long EndUs => Tx.EndUs;
        public bool Corrupted { get; set; }
    }

    private sealed class NodeState
    {
        public RelayEngine? Engine { get; set; }
        public required MemoryRelayStore Store { get; init; }
        public required SeededRandom Random { get; init; }
        public List<Reception> Receptions { get; } = [];
        public List<(long StartUs, long AirtimeUs)> History { get; } = [];
        public long TransmittingUntilUs { get; set; }
        public long WakeAtUs { get; set; } = long.MaxValue;
        public long WakeVersion { get; set; }
        public long BootedAtUs { get; set; }
    }
}
