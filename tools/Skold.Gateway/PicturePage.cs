using System.Globalization;
using System.Net;
using System.Text;

namespace Skold.Gateway;

/// <summary>
/// The situation picture as one self-contained HTML page: no scripts, styles or tiles from
/// anywhere else (the council room has no internet). The map is inline SVG drawn from the
/// positions file. A few lines of inline script fetch the page body again every few seconds;
/// without script the page still shows everything, as of its loading.
/// </summary>
public static class PicturePage
{
    public const int RefreshSeconds = 3;

    public static string Render(Picture picture)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Lägesbild / Situation picture</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1em;color:#111;background:#fafafa}
            h1{font-size:1.5em;margin:0 0 .3em} h2{font-size:1.15em;margin:1.2em 0 .3em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.3em 0} td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
            th{background:#eee} .bad{color:#a00;font-weight:bold} .good{color:#060} .muted{color:#666} .en{color:#555;font-weight:normal}
            svg{background:#fff;border:1px solid #ccc;max-width:100%}
            </style></head><body>
            <h1>Lägesbild <span class="en">/ Situation picture</span></h1>
            <div id="picture">
            """);
        html.Append(Body(picture));
        html.Append($$"""
            </div>
            <script>
            setInterval(async () => {
              try {
                const r = await fetch('fragment', {cache: 'no-store'});
                if (r.ok) { document.getElementById('picture').innerHTML = await r.text(); }
              } catch (e) { /* the gateway restarts: try again next time */ }
            }, {{RefreshSeconds * 1000}});
            </script>
            </body></html>
            """);
        return html.ToString();
    }

    /// <summary>Everything inside the page's #picture element, fetched again to refresh it.</summary>
    public static string Body(Picture p)
    {
        var html = new StringBuilder();
        html.Append("<p id=\"link\">");
        html.Append(p.Link.Connected
            ? $"<span class=\"good\">Ansluten / connected</span> to {E(p.Link.Port)}" + (p.AttachedNode is int attached ? $" (node {attached})" : "")
            : $"<span class=\"bad\">Ingen förbindelse / not connected</span> to {E(p.Link.Port)}: reconnecting");
        html.Append($" · updated <span id=\"updated\">{E(p.GeneratedAt)}</span>");
        if (p.Link.OpenRequests > 0)
        {
            html.Append($" · {p.Link.OpenRequests} request(s) waiting for the node");
        }
        html.Append("</p>");

        html.Append("<h2>Order <span class=\"en\">/ Orders</span></h2><table id=\"orders\"><tr><th>Id</th><th>Order</th><th>Källa / from</th><th>Status</th>" +
            "<th>Hålls av / held by</th><th>Saknas hos / missing at</th><th>Giltig till / expires</th></tr>");
        foreach (OrderView o in p.Orders)
        {
            string holders = o.Holders.Count == 0 ? "<span class=\"muted\">no node known yet</span>"
                : string.Join(", ", o.Holders.Select(h => $"<span class=\"holder\" data-node=\"{h.Node}\">{E(NodeName(p, h.Node))}</span> <span class=\"muted\">({E(h.Evidence)} {E(Clock(h.Since))})</span>"));
            string state = o.State == "accepted" ? "<span class=\"good\">accepted by node</span>" : o.State.StartsWith("refused", StringComparison.Ordinal) ? $"<span class=\"bad\">{E(o.State)}</span>" : E(o.State);
            html.Append($"<tr data-id=\"{o.Id}\"><td>{o.Id}</td><td>{E(o.Summary)}</td><td>{E(o.Origin)}<br><span class=\"muted\">{E(Clock(o.FirstKnown))}</span></td>" +
                $"<td>{state}{(o.Reason is null ? "" : $"<br><span class=\"muted\">{E(o.Reason)}</span>")}</td><td class=\"holders\">{holders}</td>" +
                $"<td>{string.Join(", ", o.Lacking.Select(n => E(NodeName(p, n))))}</td><td>{(o.Expired ? "<span class=\"bad\">expired</span> " : "")}{E(o.Expires)}</td></tr>");
        }
        html.Append("</table>");
        if (p.Orders.Count == 0)
        {
            html.Append("<p class=\"muted\">No orders yet: <code>skold order send FILE</code> or drop a file in the outbox.</p>");
        }

        if (p.Refusals.Count > 0)
        {
            html.Append("<h2>Stoppade order <span class=\"en\">/ Refused orders (never sent)</span></h2><table id=\"refusals\"><tr><th>Tid / time</th><th>Källa / from</th><th>Id</th><th>Skäl / reason</th></tr>");
            foreach (RefusalView r in p.Refusals.Take(20))
            {
                html.Append($"<tr><td>{E(Clock(r.At))}</td><td>{E(r.Origin)}</td><td>{E(r.Id ?? "")}</td><td class=\"bad\">{E(r.Reason)}</td></tr>");
            }
            html.Append("</table>");
        }

        html.Append("<h2>Stationer <span class=\"en\">/ Stations</span></h2><table id=\"stations\"><tr><th>Station</th><th>Senast hörd / last heard</th>" +
            "<th>Batteri / battery</th><th>Hushåll / households served</th><th>Utlämningar / hand-outs</th><th>Undantag / exceptions</th><th>Lager / stock</th></tr>");
        foreach (StationView s in p.Stations)
        {
            string stock = string.Join("<br>", s.Items.Select(i => $"{E(i.Name)}: {i.Stock}" + (i.LentOut > 0 ? $" ({i.LentOut} lent out)" : "")));
            html.Append(s.Verified
                ? $"<tr data-station=\"{s.Station}\"><td>{s.Station}</td><td>{E(Clock(s.LastHeard))}<br><span class=\"muted\">via node {s.Via}</span></td><td>{Volts(s.BatteryMillivolts)}</td>" +
                  $"<td>{s.HouseholdsServed}</td><td>{s.HandOuts}</td><td>{s.Exceptions}</td><td>{stock}</td></tr>"
                : $"<tr data-station=\"{s.Station}\"><td>{s.Station}</td><td>{E(Clock(s.LastHeard))}</td><td colspan=\"5\" class=\"bad\">signature does not verify: not shown</td></tr>");
        }
        html.Append("</table>");
        if (p.Stations.Count == 0)
        {
            html.Append("<p class=\"muted\">No station report heard yet.</p>");
        }

        html.Append("<h2>Reläer <span class=\"en\">/ Relay health</span></h2><table id=\"relays\"><tr><th>Nod / node</th><th>Senast hörd / last heard</th>" +
            "<th>Batteri / battery</th><th>Sändtid kvar / duty-cycle headroom</th><th>Grannar / neighbours</th><th>Order</th><th>Signal</th></tr>");
        foreach (NodeView n in p.Nodes)
        {
            string headroom = n.HeadroomPercent is int pct ? pct + " %" : n.HeadroomMs is long ms ? (ms / 1000) + " s this hour" : "";
            string orders = n.Held is int held ? held + (n.Holdings == "unknown" ? " <span class=\"muted\">(not all known here)</span>" : "") : "";
            html.Append($"<tr data-node=\"{n.Node}\"><td>{E(n.Name)}{(n.Attached ? " <span class=\"muted\">(gateway's node)</span>" : "")}</td>" +
                $"<td>{(n.LastHeard is null ? "<span class=\"muted\">never</span>" : E(Clock(n.LastHeard)))}</td><td>{Volts(n.BatteryMillivolts)}</td><td>{headroom}</td>" +
                $"<td>{string.Join(", ", n.Neighbours.Select(x => E(NodeName(p, x))))}</td><td>{orders}</td>" +
                $"<td>{(n.Rssi is int rssi ? $"{rssi} dBm, {n.Snr?.ToString("0.0", CultureInfo.InvariantCulture)} dB" : "")}</td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Karta <span class=\"en\">/ Map</span></h2>");
        html.Append(Map(p));
        return html.ToString();
    }

    /// <summary>
    /// Nodes at their positions (an equirectangular projection around the middle of the area,
    /// good for a town), links from beacons as lines; a node is green when it is known to hold
    /// the newest order, grey when that is not known.
    /// </summary>
    private static string Map(Picture p)
    {
        List<NodeView> placed = p.Nodes.Where(n => n.Lat is not null && n.Lon is not null).ToList();
        if (placed.Count == 0)
        {
            return "<p class=\"muted\">No positions: start the gateway with <code>--positions FILE</code> (docs/formats/positions.md).</p>";
        }
        const double width = 640, height = 420, margin = 40;
        double midLat = placed.Average(n => n.Lat!.Value) * Math.PI / 180;
        double X(NodeView n) => n.Lon!.Value * Math.Cos(midLat);
        double Y(NodeView n) => -n.Lat!.Value;
        double minX = placed.Min(X), maxX = placed.Max(X), minY = placed.Min(Y), maxY = placed.Max(Y);
        double scale = Math.Min((width - 2 * margin) / Math.Max(maxX - minX, 1e-9), (height - 2 * margin) / Math.Max(maxY - minY, 1e-9));
        var at = placed.ToDictionary(n => n.Node, n => (X: margin + (X(n) - minX) * scale, Y: margin + (Y(n) - minY) * scale));
        HashSet<int> newest = p.Orders.FirstOrDefault(o => !o.Expired) is OrderView o ? o.Holders.Select(h => h.Node).ToHashSet() : [];
        var svg = new StringBuilder();
        svg.Append(FormattableString.Invariant($"<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"map of nodes\">"));
        foreach (LinkLine line in p.Links)
        {
            if (at.TryGetValue(line.A, out var a) && at.TryGetValue(line.B, out var b))
            {
                svg.Append(FormattableString.Invariant($"<line class=\"link\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke=\"#7a9\" stroke-width=\"2\"/>"));
            }
        }
        foreach (NodeView n in placed)
        {
            (double x, double y) = at[n.Node];
            string fill = newest.Contains(n.Node) ? "#2a2" : "#999";
            svg.Append(FormattableString.Invariant($"<g class=\"node\" data-node=\"{n.Node}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{(n.Attached ? 10 : 7)}\" fill=\"{fill}\" stroke=\"#333\"/>"));
            svg.Append(FormattableString.Invariant($"<text x=\"{x + 12:0.#}\" y=\"{y + 4:0.#}\" font-size=\"13\">{E(n.Name)}</text></g>"));
        }
        svg.Append("</svg>");
        List<NodeView> unplaced = p.Nodes.Where(n => n.Lat is null).ToList();
        if (unplaced.Count > 0)
        {
            svg.Append($"<p class=\"muted\">Not on the map (no position): {string.Join(", ", unplaced.Select(n => E(n.Name)))}</p>");
        }
        svg.Append("<p class=\"muted\">Grön: håller senaste ordern / green: known to hold the newest order.</p>");
        return svg.ToString();
    }

    private static string NodeName(Picture p, int node) => p.Nodes.FirstOrDefault(n => n.Node == node)?.Name ?? "node " + node;

    private static string Clock(string iso) => iso.Length >= 19 ? iso[11..19] : iso;

    private static string Volts(int? millivolts) => millivolts is int mv ? (mv / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " V" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
