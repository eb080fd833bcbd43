using System.Text.Json.Serialization;

namespace Skold.Gateway;

// The situation picture as /api/picture serves it (docs/formats/gateway-http.md).

public sealed record Picture(string GeneratedAt, LinkView Link, int? AttachedNode, List<OrderView> Orders, List<RefusalView> Refusals,
    List<StationView> Stations, List<NodeView> Nodes, List<LinkLine> Links);

public sealed record LinkView(string Port, bool Connected, int Connections, int Rejected, int OpenRequests);

public sealed record OrderView(string Id, string Kind, int Sequence, string Summary, string Origin, string State, string? Reason, string FirstKnown,
    string Expires, bool Expired, List<HolderView> Holders, List<int> Lacking);

public sealed record HolderView(int Node, string Evidence, string Since);

public sealed record RefusalView(string At, string Origin, string? Id, int ReasonCode, string Reason);

public sealed record StationView(int Station, bool Verified, string LastHeard, string? ReportTime, int? BatteryMillivolts, int? HouseholdsServed,
    int? HandOuts, int? Exceptions, List<ItemView> Items, int Via);

public sealed record ItemView(int Code, string Name, int Stock, int LentOut);

public sealed record NodeView(int Node, string Name, bool Attached, string? LastHeard, int? BatteryMillivolts, int? HeadroomPercent, long? HeadroomMs,
    List<int> Neighbours, int? Held, string Holdings, int? Rssi, double? Snr, double? Lat, double? Lon);

public sealed record LinkLine(int A, int B);

public sealed record SubmitResponse(bool Accepted, string? Id, int ReasonCode, string Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Picture))]
[JsonSerializable(typeof(SubmitResponse))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
