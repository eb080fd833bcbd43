using System.Globalization;
using Skold.Council;

namespace Skold.Gateway;

/// <summary>
/// The situation picture (lägesbild) from the gateway's store: orders and who holds them,
/// station reports, relay health, and the nodes with their positions and links. Served as JSON
/// (/api/picture) and drawn as HTML (PicturePage).
/// </summary>
public static class SituationPicture
{
    public static Picture Build(CouncilGateway gateway, NodePositions positions, DateTimeOffset now)
    {
        GatewayStore store = gateway.Store;
        IReadOnlyList<StoredOrder> orders = store.Orders();
        IReadOnlyList<StoredBeacon> beacons = store.LatestBeacons();
        (long At, NodeStatus Status)? status = store.LatestStatus();
        int? attached = status?.Status.NodeId;
        uint councilNow = SkoldTime.FromUnixSeconds(now.ToUnixTimeSeconds());

        // Evidence per order: node -> (how we know, since when).
        var holders = orders.ToDictionary(o => o.MessageId, _ => new Dictionary<int, (long At, HolderView View)>());
        var lacking = orders.ToDictionary(o => o.MessageId, _ => new List<int>());
        foreach ((int node, uint id, long at) in store.Relayed())
        {
            if (holders.TryGetValue(id, out Dictionary<int, (long, HolderView)>? h))
            {
                Hold(h, node, "relayed", at);
            }
        }
        var holdings = new Dictionary<int, string>();
        foreach (StoredBeacon beacon in beacons)
        {
            uint then = SkoldTime.FromUnixSeconds(beacon.At / 1000);
            List<uint> candidates = orders.Where(o => o.Expires > then && o.FirstKnown <= beacon.At + 60_000).Select(o => o.MessageId).ToList();
            uint[]? set = HoldersInference.Match(beacon.Digest, beacon.Held, candidates);
            holdings[beacon.Node] = set is null ? "unknown" : "matched";
            if (set is null)
            {
                continue;
            }
            foreach (uint id in candidates)
            {
                if (set.Contains(id))
                {
                    Hold(holders[id], beacon.Node, "beacon", beacon.At);
                }
                else if (!holders[id].ContainsKey(beacon.Node))
                {
                    lacking[id].Add(beacon.Node);
                }
            }
        }
        if (attached is int self)
        {
            // The gateway's own node: its status frame carries the same digest as a beacon. A node
            // that sends none is taken to hold what it accepted (until it restarts without a store).
            uint? digest = status!.Value.Status.Digest;
            uint[]? set = null;
            if (digest is uint d)
            {
                uint then = SkoldTime.FromUnixSeconds(status.Value.At / 1000);
                set = HoldersInference.Match(d, status.Value.Status.OrdersHeld, orders.Where(o => o.Expires > then).Select(o => o.MessageId).ToList());
                holdings[self] = set is null ? "unknown" : "matched";
            }
            foreach (StoredOrder order in orders.Where(o => o.State == "accepted" && o.Expires > councilNow))
            {
                if (digest is null || set is not null && set.Contains(order.MessageId))
                {
                    Hold(holders[order.MessageId], self, "answered", order.AnsweredAt ?? order.FirstKnown);
                }
            }
            if (set is not null)
            {
                foreach (uint id in set.Where(holders.ContainsKey))
                {
                    Hold(holders[id], self, "status", status.Value.At);
                }
            }
        }

        List<OrderView> orderViews = orders.OrderByDescending(o => o.FirstKnown).Select(o => new OrderView(
            o.MessageId.ToString("x8", CultureInfo.InvariantCulture), OrderKind.Name(o.Kind), o.Sequence, o.Summary, o.Origin, o.State, o.Reason,
            Time(o.FirstKnown), Time(SkoldTime.ToUnixSeconds(o.Expires) * 1000), o.Expires <= councilNow,
            holders[o.MessageId].Values.OrderBy(h => h.At).Select(h => h.View).ToList(), lacking[o.MessageId].Order().ToList())).ToList();

        List<RefusalView> refusals = store.Refusals().Reverse().Select(r => new RefusalView(Time(r.At), r.Origin,
            r.MessageId?.ToString("x8", CultureInfo.InvariantCulture), r.ReasonCode, r.Reason)).ToList();

        IReadOnlyDictionary<int, long> stationHeard = store.StationsLastHeard();
        List<StationView> stations = store.LatestReports().Select(r => new StationView(r.Station, r.Verified, Time(stationHeard.GetValueOrDefault(r.Station, r.At)),
            r.Time is uint t ? Time(SkoldTime.ToUnixSeconds(t) * 1000) : null, r.BatteryMillivolts, r.HouseholdsServed, r.HandOuts, r.Exceptions,
            Items(r.Items), r.Via)).ToList();

        IReadOnlyDictionary<int, (long At, int Rssi, int SnrTenths)> heard = store.NodesLastHeard();
        var ids = new SortedSet<int>(heard.Keys.Concat(beacons.Select(b => b.Node)).Concat(positions.All.Select(p => p.Id)));
        if (attached is int a)
        {
            ids.Add(a);
        }
        var nodes = new List<NodeView>();
        foreach (int id in ids)
        {
            StoredBeacon? beacon = beacons.FirstOrDefault(b => b.Node == id);
            NodePosition? position = positions.Of(id);
            bool isAttached = id == attached;
            (long At, int Rssi, int SnrTenths)? last = heard.TryGetValue(id, out var h) ? h : null;
            long? lastAt = isAttached ? status!.Value.At : last?.At;
            nodes.Add(new NodeView(id, position?.Name ?? "node " + id, isAttached, lastAt is long l ? Time(l) : null,
                NullIfZero(isAttached ? status!.Value.Status.BatteryMillivolts : beacon?.BatteryMillivolts ?? 0),
                beacon?.HeadroomPercent, isAttached ? status!.Value.Status.DutyHeadroomMs : null,
                isAttached ? heard.Keys.Where(k => k != id).Order().ToList() : beacon?.Neighbours.ToList() ?? [],
                isAttached ? status!.Value.Status.OrdersHeld : beacon?.Held,
                holdings.GetValueOrDefault(id, isAttached ? "attached" : "no beacon"),
                last?.Rssi, last is null ? null : last.Value.SnrTenths / 10.0, position?.Lat, position?.Lon));
        }

        // Links: every pair a beacon reports, and the attached node to whatever it hears.
        var links = new SortedSet<(int, int)>();
        foreach (StoredBeacon beacon in beacons)
        {
            foreach (int other in beacon.Neighbours)
            {
                links.Add((Math.Min(beacon.Node, other), Math.Max(beacon.Node, other)));
            }
        }
        if (attached is int me)
        {
            foreach (int other in heard.Keys.Where(k => k != me))
            {
                links.Add((Math.Min(me, other), Math.Max(me, other)));
            }
        }

        NodeLink? link = gateway.Link;
        return new Picture(Time(now.ToUnixTimeMilliseconds()),
            new LinkView(link is null ? "" : link.Name, link?.Connected ?? false, link?.Connections ?? 0, link?.Rejected ?? 0, link?.OpenRequests ?? 0),
            attached, orderViews, refusals, stations, nodes, links.Select(p => new LinkLine(p.Item1, p.Item2)).ToList());
    }

    private static int? NullIfZero(int value) => value == 0 ? null : value;

    // One entry per node: since the earliest evidence, naming every kind of evidence there is.
    private static void Hold(Dictionary<int, (long At, HolderView View)> holders, int node, string evidence, long at)
    {
        if (!holders.TryGetValue(node, out (long At, HolderView View) known))
        {
            holders[node] = (at, new HolderView(node, evidence, Time(at)));
            return;
        }
        string all = known.View.Evidence.Split(", ").Contains(evidence) ? known.View.Evidence : known.View.Evidence + ", " + evidence;
        long since = Math.Min(known.At, at);
        holders[node] = (since, new HolderView(node, all, Time(since)));
    }

    private static List<ItemView> Items(string? items) => items is null || items.Length == 0 ? [] : items.Split(';').Select(part =>
    {
        int[] f = part.Split(':').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new ItemView(f[0], ItemRule.StandardName(f[0]), f[1], f[2]);
    }).ToList();

    /// <summary>UTC, ISO 8601 to the second: sorts as text and reads the same in every room.</summary>
    public static string Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
