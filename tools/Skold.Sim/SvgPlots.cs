using System.Globalization;
using System.Text;

namespace Skold.Sim;

/// <summary>Plots a volunteer can open in any browser: where the nodes are and who got every order, and delivery over time.</summary>
public static class SvgPlots
{
    public static string CoverageMap(SimulationResult result)
    {
        var nodes = result.Topology.Nodes;
        double minX = nodes.Min(n => n.XM), maxX = nodes.Max(n => n.XM), minY = nodes.Min(n => n.YM), maxY = nodes.Max(n => n.YM);
        double span = Math.Max(Math.Max(maxX - minX, maxY - minY), 1);
        const double size = 760, pad = 40;
        double X(double x) => pad + (x - minX) / span * size;
        double Y(double y) => pad + (maxY - y) / span * size;
        double height = pad * 2 + (maxY - minY) / span * size + 40;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + 2 * pad}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        foreach (var (a, b, margin) in result.LinkMarginsDb)
        {
            string colour = margin >= 6 ? "#9bb" : "#dde";
            svg.Append(Invariant($"<line x1=\"{X(nodes[a].XM):F1}\" y1=\"{Y(nodes[a].YM):F1}\" x2=\"{X(nodes[b].XM):F1}\" y2=\"{Y(nodes[b].YM):F1}\" stroke=\"{colour}\" stroke-width=\"1\"/>"));
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            string fill = result.HeldAt[i] ? "#2a9d3a" : "#d62828";
            string shape = node.Role switch
            {
                "council" => Invariant($"<rect x=\"{X(node.XM) - 7:F1}\" y=\"{Y(node.YM) - 7:F1}\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"black\"/>"),
                "station" => Invariant($"<polygon points=\"{X(node.XM):F1},{Y(node.YM) - 8:F1} {X(node.XM) - 7:F1},{Y(node.YM) + 6:F1} {X(node.XM) + 7:F1},{Y(node.YM) + 6:F1}\" fill=\"{fill}\" stroke=\"black\"/>"),
                _ => Invariant($"<circle cx=\"{X(node.XM):F1}\" cy=\"{Y(node.YM):F1}\" r=\"5\" fill=\"{fill}\" stroke=\"black\"/>"),
            };
            svg.Append(shape);
            svg.Append(Invariant($"<text x=\"{X(node.XM) + 8:F1}\" y=\"{Y(node.YM) - 6:F1}\">{Escape(node.Id)}</text>"));
        }
        svg.Append(Invariant($"<text x=\"{pad}\" y=\"{height - 16}\">{Escape(result.Relay)}: green holds every order, red misses one; square council, triangle station; lines are links (darker: 6 dB margin or more). {span / 1000:F1} km across.</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string DeliveryOverTime(SimulationResult result)
    {
        const double width = 760, height = 300, pad = 50;
        double maxMinutes = Math.Max(1, result.DeliveryOverTime.Count == 0 ? 1 : result.DeliveryOverTime[^1].Minutes);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width + 2 * pad}\" height=\"{height + 2 * pad}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(Invariant($"<line x1=\"{pad}\" y1=\"{pad + height}\" x2=\"{pad + width}\" y2=\"{pad + height}\" stroke=\"black\"/><line x1=\"{pad}\" y1=\"{pad}\" x2=\"{pad}\" y2=\"{pad + height}\" stroke=\"black\"/>"));
        for (int p = 0; p <= 100; p += 25)
        {
            double y = pad + height - p / 100.0 * height;
            svg.Append(Invariant($"<text x=\"{pad - 35}\" y=\"{y + 4:F1}\">{p}%</text><line x1=\"{pad}\" y1=\"{y:F1}\" x2=\"{pad + width}\" y2=\"{y:F1}\" stroke=\"#eee\"/>"));
        }
        var points = string.Join(" ", result.DeliveryOverTime.Select(s => Invariant($"{pad + s.Minutes / maxMinutes * width:F1},{pad + height - s.Delivered * height:F1}")));
        svg.Append(Invariant($"<polyline points=\"{points}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>"));
        svg.Append(Invariant($"<text x=\"{pad}\" y=\"{pad - 15}\">{Escape(result.Relay)}: (node, order) pairs delivered over time, {result.Nodes} nodes, {result.Orders} orders</text>"));
        svg.Append(Invariant($"<text x=\"{pad + width - 60}\" y=\"{pad + height + 30}\">{maxMinutes:F0} min</text></svg>"));
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
