using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skold.Sim;

/// <summary>
/// A network to simulate: radio settings and node positions, from a JSON file or a generator.
/// <code>{"radio": {"freq_mhz": 869.525, "sf": 9, "bw_khz": 125, "cr": 5, "tx_dbm": 14},
///  "nodes": [{"id": "R1", "x_m": 0, "y_m": 0, "role": "relay"}, ...],
///  "offline": [{"id": "R7", "from_s": 600, "until_s": 3000}]}</code>
/// </summary>
public sealed record Topology(RadioSettings Radio, IReadOnlyList<SimNode> Nodes, IReadOnlyList<OfflineWindow> Offline)
{
    public static Topology Load(string path)
    {
        TopologyFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), TopologyJsonContext.Default.TopologyFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a topology file: {e.Message}");
        }
        if (file?.Nodes is null || file.Nodes.Count == 0)
        {
            throw new InvalidDataException($"{path}: a topology needs \"nodes\"");
        }
        var radio = file.Radio ?? new RadioSettings();
        var ids = new HashSet<string>();
        foreach (var node in file.Nodes)
        {
            if (string.IsNullOrEmpty(node.Id) || !ids.Add(node.Id))
            {
                throw new InvalidDataException($"{path}: every node needs a unique \"id\" ({node.Id ?? "missing"})");
            }
            if (node.Role is not (null or "relay" or "station" or "council"))
            {
                throw new InvalidDataException($"{path}: node {node.Id}: role is relay, station or council");
            }
        }
        foreach (var window in file.Offline ?? [])
        {
            if (!ids.Contains(window.Id ?? "") || window.UntilS <= window.FromS)
            {
                throw new InvalidDataException($"{path}: offline window for {window.Id}: unknown node or empty window");
            }
        }
        return new Topology(radio, file.Nodes, file.Offline ?? []);
    }

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new TopologyFile(Radio, Nodes.ToList(), Offline.ToList()), TopologyJsonContext.Default.TopologyFile));

    /// <summary>The node the council's orders enter at: the first council node, else the first node.</summary>
    public int CouncilIndex
    {
        get
        {
            for (int i = 0; i < Nodes.Count; i++)
            {
                if (Nodes[i].Role == "council")
                {
                    return i;
                }
            }
            return 0;
        }
    }
}

public sealed record RadioSettings
{
    public double FreqMhz { get; init; } = 869.525;
    public int Sf { get; init; } = 9;
    public double BwKhz { get; init; } = 125;
    public int Cr { get; init; } = 5;
    public double TxDbm { get; init; } = 14;
    /// <summary>The 70 cm amateur band: no duty cycle, callsigns in beacons.</summary>
    public bool Amateur { get; init; }
}

public sealed record SimNode
{
    public string Id { get; init; } = "";
    public double XM { get; init; }
    public double YM { get; init; }
    public double? HeightM { get; init; }
    public double? TxDbm { get; init; }
    public string Role { get; init; } = "relay";
}

public sealed record OfflineWindow
{
    public string? Id { get; init; }
    public double FromS { get; init; }
    public double UntilS { get; init; }
}

internal sealed record TopologyFile(RadioSettings? Radio, List<SimNode>? Nodes, List<OfflineWindow>? Offline);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TopologyFile))]
internal sealed partial class TopologyJsonContext : JsonSerializerContext;
