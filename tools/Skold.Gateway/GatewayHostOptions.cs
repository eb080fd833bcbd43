using Skold.Council;

namespace Skold.Gateway;

/// <summary>What `skold gateway` is given: the link, the registry, the files and where to listen.</summary>
public sealed class GatewayHostOptions
{
    public required ILinkConnector Connector { get; init; }

    public required CouncilRegistry Registry { get; init; }

    public string Database { get; init; } = "gateway.db";

    public string Listen { get; init; } = "127.0.0.1:8080";

    public string? Outbox { get; init; }

    public NodePositions Positions { get; init; } = NodePositions.Empty;

    public TimeSpan StatusEvery { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);
}
