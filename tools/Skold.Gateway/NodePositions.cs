using System.Text.Json;

namespace Skold.Gateway;

/// <summary>
/// Where the nodes stand, for the picture's map (docs/formats/positions.md): a JSON file
/// {"nodes": [{"id": 7, "name": "Kyrktornet", "lat": 63.8258, "lon": 20.2630}]}.
/// </summary>
public sealed class NodePositions
{
    private readonly Dictionary<int, NodePosition> _byId;

    private NodePositions(Dictionary<int, NodePosition> byId)
    {
        _byId = byId;
    }

    public static NodePositions Empty { get; } = new([]);

    public IReadOnlyCollection<NodePosition> All => _byId.Values;

    public NodePosition? Of(int node) => _byId.GetValueOrDefault(node);

    /// <summary>Reads a positions file; a broken file is an error that names the entry, not a silently empty map.</summary>
    public static NodePositions Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new FormatException($"cannot read {path}: {e.Message}");
        }
        return Parse(text, path);
    }

    public static NodePositions Parse(string json, string source)
    {
        var byId = new Dictionary<int, NodePosition>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("nodes", out JsonElement nodes) || nodes.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{source}: expected {{\"nodes\": [...]}}");
            }
            int index = 0;
            foreach (JsonElement node in nodes.EnumerateArray())
            {
                string where = $"{source}: nodes[{index++}]";
                if (!node.TryGetProperty("id", out JsonElement id) || !id.TryGetInt32(out int nodeId) || nodeId < 1 || nodeId > 0xffff)
                {
                    throw new FormatException($"{where}: \"id\" must be a node id 1..65535");
                }
                double lat = Number(node, "lat", where, -90, 90);
                double lon = Number(node, "lon", where, -180, 180);
                string name = node.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "node " + nodeId;
                if (!byId.TryAdd(nodeId, new NodePosition(nodeId, name, lat, lon)))
                {
                    throw new FormatException($"{where}: node {nodeId} is listed twice");
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not valid JSON: {e.Message}");
        }
        return new NodePositions(byId);
    }

    private static double Number(JsonElement node, string name, string where, double min, double max)
    {
        if (!node.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Number || value.GetDouble() < min || value.GetDouble() > max)
        {
            throw new FormatException($"{where}: \"{name}\" must be a number {min}..{max} (decimal degrees, WGS84)");
        }
        return value.GetDouble();
    }
}
