namespace Skold.Sim;

/// <summary>
/// Generated networks: "line:N[:spacing_m]", "grid:WxH[:spacing_m]", "town:N[:hops]". A town
/// scatters N nodes (a council node at the west edge, about a fifth of them stations) over an
/// area sized for the given depth (default 6 hops), and retries until every node is reachable
/// over links with a margin of at least 3 dB (with the run's shadowing) and no node is deeper than that.
/// </summary>
public static class TopologyGenerator
{
    public static Topology Generate(string spec, int seed, RadioSettings? radio = null)
    {
        radio ??= new RadioSettings();
        string[] parts = spec.Split(':');
        var channel = new ChannelModel(radio, seed);
        double range = channel.MedianRangeM(radio.TxDbm);
        switch (parts[0])
        {
            case "line" when parts.Length >= 2 && int.TryParse(parts[1], out int n) && n >= 2:
                {
                    double spacing = parts.Length > 2 ? double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : range * 0.6;
                    return new Topology(radio, Enumerable.Range(0, n).Select(i => Node(i, i * spacing, 0, i == 0 ? "council" : "relay")).ToList(), []);
                }
            case "grid" when parts.Length >= 2 && parts[1].Split('x') is [var w, var h] && int.TryParse(w, out int width) && int.TryParse(h, out int height):
                {
                    double spacing = parts.Length > 2 ? double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : range * 0.5;
                    var nodes = new List<SimNode>();
                    for (int y = 0; y < height; y++)
                    {
                        for (int x = 0; x < width; x++)
                        {
                            nodes.Add(Node(nodes.Count, x * spacing, y * spacing, nodes.Count == 0 ? "council" : "relay"));
                        }
                    }
                    return new Topology(radio, nodes, []);
                }
            case "town" when parts.Length >= 2 && int.TryParse(parts[1], out int count) && count >= 3:
                {
                    int hops = parts.Length > 2 ? int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 6;
                    return Town(radio, channel, range, count, hops, seed);
                }
            default:
                throw new ArgumentException($"--generate \"{spec}\": expected line:N[:spacing_m], grid:WxH[:spacing_m] or town:N[:hops]");
        }
    }

    private static Topology Town(RadioSettings radio, ChannelModel channel, double range, int count, int hops, int seed)
    {
        var random = new Random(seed);
        // Depth grows with the area; shrink it until the town is connected and shallow enough.
        for (double scale = 0.9; scale > 0.2; scale *= 0.93)
        {
            for (int attempt = 0; attempt < 12; attempt++)
            {
                double width = range * hops * scale;
                double height = width * 0.55;
                var nodes = new List<SimNode> { Node(0, 0, height / 2, "council") };
                for (int i = 1; i < count; i++)
                {
                    string role = i % 5 == 0 ? "station" : "relay";
                    nodes.Add(Node(i, random.NextDouble() * width, random.NextDouble() * height, role));
                }
                var topology = new Topology(radio, nodes, []);
                int depth = Depth(topology, channel);
                if (depth >= 0 && depth <= hops && depth >= Math.Min(hops, 3))
                {
                    return topology;
                }
            }
        }
        throw new InvalidOperationException($"could not generate a connected town of {count} nodes within {hops} hops");
    }

    /// <summary>Hops from the council node over links with a margin of 3 dB or more (shadowing included); -1 if some node is unreachable.</summary>
    public static int Depth(Topology topology, ChannelModel channel)
    {
        int n = topology.Nodes.Count;
        var depth = Enumerable.Repeat(-1, n).ToArray();
        var queue = new Queue<int>();
        int start = topology.CouncilIndex;
        depth[start] = 0;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            for (int b = 0; b < n; b++)
            {
                if (depth[b] < 0 && LinkMarginDb(topology, channel, a, b) >= 3)
                {
                    depth[b] = depth[a] + 1;
                    queue.Enqueue(b);
                }
            }
        }
        return depth.Contains(-1) ? -1 : depth.Max();
    }

    // The link's margin over the demodulation floor, shadowing included, the weaker direction.
    private static double LinkMarginDb(Topology topology, ChannelModel channel, int a, int b)
    {
        SimNode na = topology.Nodes[a];
        SimNode nb = topology.Nodes[b];
        double ab = channel.RssiDbm(na, nb, na.TxDbm ?? topology.Radio.TxDbm, a, b);
        double ba = channel.RssiDbm(nb, na, nb.TxDbm ?? topology.Radio.TxDbm, b, a);
        return Math.Min(ab, ba) - channel.SensitivityDbm;
    }

    private static SimNode Node(int i, double x, double y, string role) =>
        new() { Id = (role == "council" ? "C" : role == "station" ? "S" : "R") + i, XM = Math.Round(x), YM = Math.Round(y), Role = role };
}
