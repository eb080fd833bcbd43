using Microsoft.Data.Sqlite;

namespace Skold.Gateway;

/// <summary>
/// Everything the gateway heard and did, in one SQLite file that survives restarts: frames heard
/// (with RSSI, SNR and time), orders sent or heard and the node's answers, refusals with their
/// reasons, beacons, station reports and node status frames. Times are Unix milliseconds.
/// One connection, used under a lock: the link thread and web requests share it.
/// </summary>
public sealed class GatewayStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS heard (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, rssi INTEGER NOT NULL, snr_tenths INTEGER NOT NULL,
            type INTEGER, sender INTEGER, message_id INTEGER, hops INTEGER, bytes BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS orders (message_id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, sequence INTEGER NOT NULL,
            expires INTEGER NOT NULL, summary TEXT NOT NULL, data BLOB NOT NULL, origin TEXT NOT NULL, first_known INTEGER NOT NULL,
            state TEXT NOT NULL, reason TEXT, answered_at INTEGER);
        CREATE TABLE IF NOT EXISTS refusals (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, origin TEXT NOT NULL, message_id INTEGER,
            reason_code INTEGER NOT NULL, reason TEXT NOT NULL, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS beacons (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, node INTEGER NOT NULL, held INTEGER NOT NULL,
            digest INTEGER NOT NULL, battery_mv INTEGER NOT NULL, headroom_percent INTEGER NOT NULL, neighbours TEXT NOT NULL,
            callsign TEXT NOT NULL, rssi INTEGER NOT NULL, snr_tenths INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS beacons_by_node ON beacons (node, at);
        CREATE TABLE IF NOT EXISTS reports (message_id INTEGER PRIMARY KEY, at INTEGER NOT NULL, station INTEGER NOT NULL,
            verified INTEGER NOT NULL, time INTEGER, journal_records INTEGER, battery_mv INTEGER, served INTEGER, hand_outs INTEGER,
            exceptions INTEGER, items TEXT, via INTEGER NOT NULL, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS statuses (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, node INTEGER NOT NULL, neighbours INTEGER NOT NULL,
            queue INTEGER NOT NULL, held INTEGER NOT NULL, headroom_ms INTEGER NOT NULL, battery_mv INTEGER NOT NULL, digest INTEGER);
        CREATE TABLE IF NOT EXISTS time_answers (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, sent INTEGER NOT NULL, result INTEGER NOT NULL, reason TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS relayed (node INTEGER NOT NULL, message_id INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (node, message_id));
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private GatewayStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static GatewayStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var store = new GatewayStore(connection);
            store.Execute(Schema);
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new IOException($"cannot open the gateway's database {path}: {e.Message}", e);
        }
    }

    public void AddHeard(long at, int rssi, int snrTenths, int? type, int? sender, uint? messageId, int? hops, byte[] bytes) =>
        Execute("INSERT INTO heard (at, rssi, snr_tenths, type, sender, message_id, hops, bytes) VALUES ($at, $rssi, $snr, $type, $sender, $id, $hops, $bytes)",
            ("$at", at), ("$rssi", rssi), ("$snr", snrTenths), ("$type", type), ("$sender", sender), ("$id", messageId), ("$hops", hops), ("$bytes", bytes));

    /// <summary>Adds an order the gateway sends or heard; false if it knew it already.</summary>
    public bool AddOrder(StoredOrder order) =>
        Execute("""
            INSERT OR IGNORE INTO orders (message_id, kind, sequence, expires, summary, data, origin, first_known, state, reason, answered_at)
            VALUES ($id, $kind, $seq, $expires, $summary, $data, $origin, $at, $state, $reason, $answered)
            """,
            ("$id", order.MessageId), ("$kind", order.Kind), ("$seq", order.Sequence), ("$expires", order.Expires), ("$summary", order.Summary),
            ("$data", order.Data), ("$origin", order.Origin), ("$at", order.FirstKnown), ("$state", order.State), ("$reason", order.Reason),
            ("$answered", order.AnsweredAt)) == 1;

    public void SetOrderState(uint messageId, string state, string? reason, long? answeredAt) =>
        Execute("UPDATE orders SET state = $state, reason = $reason, answered_at = $at WHERE message_id = $id",
            ("$id", messageId), ("$state", state), ("$reason", reason), ("$at", answeredAt));

    public IReadOnlyList<StoredOrder> Orders() => Query("SELECT message_id, kind, sequence, expires, summary, data, origin, first_known, state, reason, answered_at FROM orders ORDER BY first_known, message_id",
        r => new StoredOrder((uint)r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), (uint)r.GetInt64(3), r.GetString(4), (byte[])r[5], r.GetString(6), r.GetInt64(7),
            r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetInt64(10)));

    public void AddRefusal(StoredRefusal refusal) =>
        Execute("INSERT INTO refusals (at, origin, message_id, reason_code, reason, data) VALUES ($at, $origin, $id, $code, $reason, $data)",
            ("$at", refusal.At), ("$origin", refusal.Origin), ("$id", refusal.MessageId), ("$code", refusal.ReasonCode), ("$reason", refusal.Reason), ("$data", refusal.Data));

    public IReadOnlyList<StoredRefusal> Refusals() => Query("SELECT at, origin, message_id, reason_code, reason, data FROM refusals ORDER BY id",
        r => new StoredRefusal(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : (uint)r.GetInt64(2), r.GetInt32(3), r.GetString(4), (byte[])r[5]));

    public void AddBeacon(long at, int node, Beacon beacon, int rssi, int snrTenths) =>
        Execute("""
            INSERT INTO beacons (at, node, held, digest, battery_mv, headroom_percent, neighbours, callsign, rssi, snr_tenths)
            VALUES ($at, $node, $held, $digest, $battery, $headroom, $neighbours, $callsign, $rssi, $snr)
            """,
            ("$at", at), ("$node", node), ("$held", beacon.HeldCount), ("$digest", beacon.Digest), ("$battery", beacon.BatteryMillivolts),
            ("$headroom", beacon.HeadroomPercent), ("$neighbours", string.Join(",", beacon.Neighbours)), ("$callsign", beacon.Callsign),
            ("$rssi", rssi), ("$snr", snrTenths));

    /// <summary>The newest beacon of every node heard.</summary>
    public IReadOnlyList<StoredBeacon> LatestBeacons() => Query("""
        SELECT b.at, b.node, b.held, b.digest, b.battery_mv, b.headroom_percent, b.neighbours, b.callsign, b.rssi, b.snr_tenths
        FROM beacons b WHERE b.id = (SELECT id FROM beacons c WHERE c.node = b.node ORDER BY c.at DESC, c.id DESC LIMIT 1) ORDER BY b.node
        """,
        r => new StoredBeacon(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), (uint)r.GetInt64(3), r.GetInt32(4), r.GetInt32(5),
            r.GetString(6).Length == 0 ? [] : r.GetString(6).Split(',').Select(int.Parse).ToArray(), r.GetString(7), r.GetInt32(8), r.GetInt32(9)));

    /// <summary>Adds a station report; false if this message was heard before (a relayed copy).</summary>
    public bool AddReport(StoredReport report) =>
        Execute("""
            INSERT OR IGNORE INTO reports (message_id, at, station, verified, time, journal_records, battery_mv, served, hand_outs, exceptions, items, via, data)
            VALUES ($id, $at, $station, $verified, $time, $records, $battery, $served, $handOuts, $exceptions, $items, $via, $data)
            """,
            ("$id", report.MessageId), ("$at", report.At), ("$station", report.Station), ("$verified", report.Verified ? 1 : 0), ("$time", report.Time),
            ("$records", report.JournalRecords), ("$battery", report.BatteryMillivolts), ("$served", report.HouseholdsServed), ("$handOuts", report.HandOuts),
            ("$exceptions", report.Exceptions), ("$items", report.Items), ("$via", report.Via), ("$data", report.Data)) == 1;

    /// <summary>The report heard last from every station (a verified one if there is any).</summary>
    public IReadOnlyList<StoredReport> LatestReports() => Query("""
        SELECT message_id, at, station, verified, time, journal_records, battery_mv, served, hand_outs, exceptions, items, via, data
        FROM reports r WHERE message_id = (SELECT message_id FROM reports s WHERE s.station = r.station ORDER BY s.verified DESC, s.at DESC, s.time DESC LIMIT 1)
        ORDER BY station
        """,
        r => new StoredReport((uint)r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3) == 1, r.IsDBNull(4) ? null : (uint)r.GetInt64(4),
            r.IsDBNull(5) ? null : (uint)r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7),
            r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetInt32(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetInt32(11), (byte[])r[12]));

    /// <summary>When each station was last heard (any copy of any of its reports).</summary>
    public IReadOnlyDictionary<int, long> StationsLastHeard() =>
        Query("SELECT station, MAX(at) FROM reports GROUP BY station", r => (r.GetInt32(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2);

    public void AddStatus(long at, NodeStatus status) =>
        Execute("""
            INSERT INTO statuses (at, node, neighbours, queue, held, headroom_ms, battery_mv, digest)
            VALUES ($at, $node, $neighbours, $queue, $held, $headroom, $battery, $digest)
            """,
            ("$at", at), ("$node", status.NodeId), ("$neighbours", status.Neighbours), ("$queue", status.Queue), ("$held", status.OrdersHeld),
            ("$headroom", status.DutyHeadroomMs), ("$battery", status.BatteryMillivolts), ("$digest", status.Digest));

    public (long At, NodeStatus Status)? LatestStatus() => Query("SELECT at, node, neighbours, queue, held, headroom_ms, battery_mv, digest FROM statuses ORDER BY id DESC LIMIT 1",
        r => (r.GetInt64(0), new NodeStatus(r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt64(5), r.GetInt32(6), r.IsDBNull(7) ? null : (uint)r.GetInt64(7)))).Cast<(long, NodeStatus)?>().FirstOrDefault();

    /// <summary>The node's answer to the council time the gateway sent it (SkoldTime seconds) on connecting.</summary>
    public void AddTimeAnswer(StoredTimeAnswer answer) =>
        Execute("INSERT INTO time_answers (at, sent, result, reason) VALUES ($at, $sent, $result, $reason)",
            ("$at", answer.At), ("$sent", answer.Sent), ("$result", answer.Result), ("$reason", answer.Reason));

    public IReadOnlyList<StoredTimeAnswer> TimeAnswers() =>
        Query("SELECT at, sent, result, reason FROM time_answers ORDER BY id", r => new StoredTimeAnswer(r.GetInt64(0), (uint)r.GetInt64(1), r.GetInt32(2), r.GetString(3)));

    /// <summary>Notes that a node was heard transmitting an order: a relay sends only what it accepted and holds.</summary>
    public void AddRelayed(int node, uint messageId, long at) =>
        Execute("INSERT OR IGNORE INTO relayed (node, message_id, at) VALUES ($node, $id, $at)", ("$node", node), ("$id", messageId), ("$at", at));

    public IReadOnlyList<(int Node, uint MessageId, long At)> Relayed() =>
        Query("SELECT node, message_id, at FROM relayed ORDER BY at", r => (r.GetInt32(0), (uint)r.GetInt64(1), r.GetInt64(2)));

    /// <summary>When each node was last heard on air (any frame it sent).</summary>
    public IReadOnlyDictionary<int, (long At, int Rssi, int SnrTenths)> NodesLastHeard() =>
        Query("SELECT sender, at, rssi, snr_tenths FROM heard h WHERE id = (SELECT MAX(id) FROM heard g WHERE g.sender = h.sender) AND sender IS NOT NULL",
            r => (r.GetInt32(0), (r.GetInt64(1), r.GetInt32(2), r.GetInt32(3)))).ToDictionary(p => p.Item1, p => p.Item2);

    public long Count(string table) => Query($"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0))[0];

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach ((string name, object? value) in parameters)
            {
                command.Parameters.AddWithValue(name, value switch
                {
                    null => DBNull.Value,
                    uint u => (long)u,
                    _ => value,
                });
            }
            return command.ExecuteNonQuery();
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        lock (_gate)
        {
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = sql;
            using SqliteDataReader reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
