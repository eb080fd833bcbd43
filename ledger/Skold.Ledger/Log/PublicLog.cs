using System.Data.Common;
using System.Security.Cryptography;
using Skold.Council;
using Skold.Ledger.Database;
using Skold.Transparency;

namespace Skold.Ledger.Log;

/// <summary>
/// The public transparency log: every accepted journal record and every council order as an
/// RFC 6962 leaf, in the database (the truth) and in a Merkle tree in memory (rebuilt from the
/// database at start), with a checkpoint signed by the ledger key after every change. Leaves
/// are given indices under Gate, staged inside the caller's transaction and added to the tree
/// only after it commits.
/// </summary>
public sealed class PublicLog
{
    private readonly LedgerDatabase _database;
    private readonly LedgerSigner _signer;
    private readonly MerkleTree _tree = new();
    private readonly List<byte[]> _staged = [];
    private readonly byte[] _pseudonymKey;
    private string _checkpoint = "";

    private PublicLog(LedgerDatabase database, LedgerSigner signer, byte[] pseudonymKey)
    {
        _database = database;
        _signer = signer;
        _pseudonymKey = pseudonymKey;
    }

    /// <summary>Held while leaves are staged, committed and published, so indices never collide.</summary>
    public Lock Gate { get; } = new();

    public long Size
    {
        get
        {
            lock (Gate)
            {
                return _tree.Size;
            }
        }
    }

    /// <summary>The latest signed checkpoint (a C2SP signed note).</summary>
    public string Checkpoint
    {
        get
        {
            lock (Gate)
            {
                return _checkpoint;
            }
        }
    }

    public byte[] Root
    {
        get
        {
            lock (Gate)
            {
                return _tree.Root();
            }
        }
    }

    public string VerifierKey => _signer.VerifierKey;

    public static PublicLog Open(LedgerDatabase database, LedgerSigner signer)
    {
        using DbConnection connection = database.Connect();
        byte[] pseudonymKey = Setting(connection, "pseudonym_key", () => RandomNumberGenerator.GetBytes(32));
        var log = new PublicLog(database, signer, pseudonymKey);
        using (DbCommand command = LedgerDatabase.Command(connection, null, "SELECT leaf_index, data FROM log_leaves ORDER BY leaf_index"))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(0) != log._tree.Size)
                {
                    throw new InvalidOperationException($"the log's leaves skip from {log._tree.Size} to {reader.GetInt64(0)}: the database is damaged");
                }
                log._tree.AppendLeaf((byte[])reader.GetValue(1));
            }
        }
        log.SignCheckpoint(connection);
        return log;
    }

    /// <summary>The ledger-keyed pseudonym the public sees: 8 bytes of HMAC-SHA-256 over the station pseudonym.</summary>
    public string PublicPseudonym(byte[] household) =>
        Convert.ToHexString(HMACSHA256.HashData(_pseudonymKey, household), 0, 8).ToLowerInvariant();

    /// <summary>Inserts leaves in the caller's transaction. Call under Gate; then Publish after commit, or Abandon.</summary>
    public void Stage(DbConnection connection, DbTransaction transaction, IReadOnlyList<PendingLeaf> leaves)
    {
        foreach (PendingLeaf leaf in leaves)
        {
            long index = _tree.Size + _staged.Count;
            // Only a republished order may already be there; any other clash (an index taken by
            // another writer) fails the transaction rather than silently losing a leaf.
            int inserted = LedgerDatabase.Execute(connection, transaction,
                "INSERT INTO log_leaves (leaf_index, data, station, sequence, order_id) VALUES (@i, @d, @s, @q, @o)" +
                (leaf.OrderId is null ? "" : " ON CONFLICT (order_id) DO NOTHING"),
                ("@i", index), ("@d", leaf.Data), ("@s", leaf.Station), ("@q", leaf.Sequence), ("@o", leaf.OrderId));
            if (inserted == 1)
            {
                _staged.Add(leaf.Data);
            }
        }
    }

    public void Publish()
    {
        foreach (byte[] data in _staged)
        {
            _tree.AppendLeaf(data);
        }
        _staged.Clear();
        using DbConnection connection = _database.Connect();
        SignCheckpoint(connection);
    }

    /// <summary>
    /// Drops staged leaves after a failed transaction, and catches the tree up with the database
    /// when a commit went through although the caller saw an error.
    /// </summary>
    public void Abandon()
    {
        _staged.Clear();
        try
        {
            using DbConnection connection = _database.Connect();
            using DbCommand command = LedgerDatabase.Command(connection, null,
                "SELECT data FROM log_leaves WHERE leaf_index >= @i ORDER BY leaf_index", ("@i", _tree.Size));
            using DbDataReader reader = command.ExecuteReader();
            bool added = false;
            while (reader.Read())
            {
                _tree.AppendLeaf((byte[])reader.GetValue(0));
                added = true;
            }
            reader.Close();
            if (added)
            {
                SignCheckpoint(connection);
            }
        }
        catch (DbException)
        {
            // The next request tries again; the database is the truth.
        }
    }

    /// <summary>Publishes a council order the caller has checked against the council's policy; publishing it again changes nothing.</summary>
    public bool PublishOrder(Order order)
    {
        lock (Gate)
        {
            using DbConnection connection = _database.Connect();
            using DbTransaction transaction = connection.BeginTransaction();
            byte[] id = order.ComputeId();
            int fresh = LedgerDatabase.Execute(connection, transaction,
                "INSERT INTO orders (order_id, kind, sequence, created, encoded) VALUES (@i, @k, @s, @c, @e) ON CONFLICT DO NOTHING",
                ("@i", id), ("@k", order.Kind), ("@s", order.Sequence), ("@c", (long)order.Created), ("@e", order.Encode()));
            try
            {
                Stage(connection, transaction, [PendingLeaf.ForOrder(order)]);
                transaction.Commit();
            }
            catch
            {
                Abandon();
                throw;
            }
            Publish();
            return fresh == 1;
        }
    }

    public byte[][] InclusionProof(long index, long size)
    {
        lock (Gate)
        {
            CheckSize(size);
            if (index < 0 || index >= size)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"index must be 0..{size - 1}");
            }
            return _tree.InclusionProof(index, size);
        }
    }

    public byte[][] ConsistencyProof(long from, long to)
    {
        lock (Gate)
        {
            CheckSize(to);
            if (from < 1 || from > to)
            {
                throw new ArgumentOutOfRangeException(nameof(from), $"from must be 1..{to}");
            }
            return _tree.ConsistencyProof(from, to);
        }
    }

    /// <summary>A tile or entry bundle (C2SP tlog-tiles) by its path after "tile/", or null when the log has no such tile.</summary>
    public byte[]? Tile(string path)
    {
        if (!TileId.TryParsePath("tile/" + path, out TileId tile))
        {
            return null;
        }
        long size;
        lock (Gate)
        {
            size = _tree.Size;
            if (!tile.IsEntryBundle)
            {
                return Exists(tile, _tree.CountAtLevel(tile.Level * TileId.HeightBits)) ? _tree.ReadTile(tile) : null;
            }
        }
        if (!Exists(tile, size))
        {
            return null;
        }
        using DbConnection connection = _database.Connect();
        using DbCommand command = LedgerDatabase.Command(connection, null,
            "SELECT data FROM log_leaves WHERE leaf_index >= @a AND leaf_index < @b ORDER BY leaf_index",
            ("@a", tile.Index * TileId.FullWidth), ("@b", tile.Index * TileId.FullWidth + tile.Width));
        using DbDataReader reader = command.ExecuteReader();
        var entries = new List<byte[]>();
        while (reader.Read())
        {
            entries.Add((byte[])reader.GetValue(0));
        }
        return EntryBundle.Encode(entries);
    }

    // A full tile exists once its 256 entries do; a partial one only at exactly the width the log has now.
    private static bool Exists(TileId tile, long countAtLevel)
    {
        long end = tile.Index * TileId.FullWidth + tile.Width;
        return tile.IsPartial ? end == countAtLevel : end <= countAtLevel;
    }

    private void CheckSize(long size)
    {
        if (size < 1 || size > _tree.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"size must be 1..{_tree.Size}");
        }
    }

    private void SignCheckpoint(DbConnection connection)
    {
        long size = _tree.Size;
        byte[] root = _tree.Root();
        string note = _signer.SignCheckpoint(size, root);
        LedgerDatabase.Execute(connection, null,
            "INSERT INTO log_checkpoints (size, root, note, created) VALUES (@s, @r, @n, @t) ON CONFLICT DO NOTHING",
            ("@s", size), ("@r", root), ("@n", note), ("@t", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        _checkpoint = note;
    }

    private static byte[] Setting(DbConnection connection, string name, Func<byte[]> create)
    {
        LedgerDatabase.Execute(connection, null, "INSERT INTO ledger_settings (name, value) VALUES (@n, @v) ON CONFLICT DO NOTHING",
            ("@n", name), ("@v", Convert.ToBase64String(create())));
        return Convert.FromBase64String((string)LedgerDatabase.Scalar(connection, null, "SELECT value FROM ledger_settings WHERE name = @n", ("@n", name))!);
    }
}
