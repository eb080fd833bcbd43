using System.Text.Json.Nodes;

namespace Skold.Sim;

/// <summary>What a simulation run measured.</summary>
public sealed record SimulationResult
{
    public int Nodes { get; init; }
    public int Orders { get; init; }
    public string Relay { get; init; } = "";
    /// <summary>Delivered (node, order) pairs over all pairs, at the end of the run.</summary>
    public double DeliveryRatio { get; init; }
    /// <summary>The same, counting only deliveries by flooding (not by store-and-forward repair).</summary>
    public double DeliveryRatioFlooding { get; init; }
    public double TransmissionsPerOrder { get; init; }
    public double AirtimeMsPerOrder { get; init; }
    public long TotalTransmissions { get; init; }
    /// <summary>Order frames sent again on request (store-and-forward), included in TransmissionsPerOrder.</summary>
    public long RepairTransmissions { get; init; }
    public long Cancelled { get; init; }
    public long Duplicates { get; init; }
    public int DutyCycleViolations { get; init; }
    public double LatencyMsP50 { get; init; }
    public double LatencyMsP95 { get; init; }
    public double LatencyMsMax { get; init; }
    public int OfflineOrdersRecovered { get; init; }
    public int OfflineOrdersMissing { get; init; }
    public double RecoveryMsMax { get; init; }
    public int Depth { get; init; }
    public required List<(double Minutes, double Delivered)> DeliveryOverTime { get; init; }
    public required bool[] HeldAt { get; init; }
    /// <summary>Per node, the orders flooding did not bring (missing, or delivered by repair).</summary>
    public required int[] RepairedAt { get; init; }
    public required Topology Topology { get; init; }
    public required List<(int A, int B, double MarginDb)> LinkMarginsDb { get; init; }

    public JsonObject ToJson() => new()
    {
        ["delivery_ratio"] = Math.Round(DeliveryRatio, 6),
        ["delivery_ratio_flooding"] = Math.Round(DeliveryRatioFlooding, 6),
        ["transmissions_per_order"] = Math.Round(TransmissionsPerOrder, 2),
        ["airtime_ms_per_order"] = Math.Round(AirtimeMsPerOrder, 1),
        ["duty_cycle_violations"] = DutyCycleViolations,
        ["latency_ms_p50"] = Math.Round(LatencyMsP50, 1),
        ["latency_ms_p95"] = Math.Round(LatencyMsP95, 1),
        ["latency_ms_max"] = Math.Round(LatencyMsMax, 1),
        ["nodes"] = Nodes,
        ["orders"] = Orders,
        ["relay"] = Relay,
        ["hops"] = Depth,
        ["total_transmissions"] = TotalTransmissions,
        ["repair_transmissions"] = RepairTransmissions,
        ["cancelled_rebroadcasts"] = Cancelled,
        ["duplicates_heard"] = Duplicates,
        ["offline_orders_recovered"] = OfflineOrdersRecovered,
        ["offline_orders_missing"] = OfflineOrdersMissing,
        ["recovery_ms_max"] = Math.Round(RecoveryMsMax, 1),
    };
}
