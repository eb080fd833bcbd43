using System.Data.Common;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger.Database;
using Skold.Ledger.Log;
using Skold.Station;

namespace Skold.Ledger.Sync;

/// <summary>
/// Takes kiosks' journal uploads. A batch is checked whole before anything is written: the
/// station's key is the one the council registered, each record continues the station's hash
/// chain from what the ledger holds, and only records under a checkpoint the station key signed
/// are stored (later ones wait for the next upload). Resending stored records is harmless; the
/// same sequence with other content is a conflict, kept as evidence of a cloned or tampered
/// kiosk, and the batch is refused. Everything in a batch commits in one transaction.
/// </summary>
public sealed class SyncService
{
    public const int MaxRecordsPerBatch = Skold.Station.UploadBatches.MaxRecords;

    private readonly LedgerDatabase _database;
    private readonly CouncilRegistry _registry;
    private readonly PublicLog _log;
    private readonly Ed25519 _ed = new();

    public SyncService(LedgerDatabase database, CouncilRegistry registry, PublicLog log)
    {
        _database = database;
        _registry = registry;
        _log = log;
    }

    public SyncStatus Status(int station)
    {
        StationKey(station);
        using DbConnection connection = _database.Connect();
        (long last, byte[] head) = ChainState(connection, null, station);
        return new SyncStatus(station, last, Convert.ToHexString(head).ToLowerInvariant());
    }

    public SyncResult Upload(int station, SyncBatch batch)
    {
        if (batch.Station != station)
        {
            throw new SyncRejected(400, $"the batch is for station {batch.Station}, sent to station {station}");
        }
        if (batch.Records is null || batch.Records.Count == 0)
        {
            throw new SyncRejected(400, "the batch has no records");
        }
        if (batch.Records.Count > MaxRecordsPerBatch)
        {
            throw new SyncRejected(413, $"at most {MaxRecordsPerBatch} records per batch, not {batch.Records.Count}");
        }
        byte[] key = StationKey(station);
        var bodies = new List<byte[]>();
        var records = new List<JournalRecord>();
        for (int i = 0; i < batch.Records.Count; i++)
        {
            if (batch.Records[i] is null)
            {
                throw new SyncRejected(400, $"record {i} of the batch is null");
            }
            try
            {
                byte[] body = Convert.FromBase64String(batch.Records[i]);
                records.Add(JournalRecord.DecodeBody(body, 0, body.Length));
                bodies.Add(body);
            }
            catch (Exception e) when (e is FormatException or Skold.Codec.MalformedDataException)
            {
                throw new SyncRejected(400, $"record {i} of the batch is malformed: {e.Message}");
            }
            if (records[i].Sequence == 0)
            {
                throw new SyncRejected(400, $"record {i} of the batch has sequence 0; journals count from 1");
            }
            if (i > 0 && records[i].Sequence != records[i - 1].Sequence + 1)
            {
                throw new SyncRejected(400, $"record {i} of the batch has sequence {records[i].Sequence} after {records[i - 1].Sequence}: a batch is consecutive records");
            }
        }
        // The log's gate: uploads and published orders take leaf indices one at a time.
        lock (_log.Gate)
        {
            return Store(station, key, bodies, records);
        }
    }

    private SyncResult Store(int station, byte[] key, List<byte[]> bodies, List<JournalRecord> records)
    {
        using DbConnection connection = _database.Connect();
        DbTransaction transaction = connection.BeginTransaction();
        try
        {
            (long last, byte[] head) = ChainState(connection, transaction, station);
            int duplicates = 0;
            while (duplicates < records.Count && records[duplicates].Sequence <= last)
            {
                byte[]? stored = (byte[]?)LedgerDatabase.Scalar(connection, transaction,
                    "SELECT body FROM records WHERE station = @s AND sequence = @q", ("@s", station), ("@q", (long)records[duplicates].Sequence));
                if (stored is null || !stored.AsSpan().SequenceEqual(bodies[duplicates]))
                {
                    // Evidence of a fork only when the station's key signed the other branch; anyone can send bytes.
                    bool signed = SignedFork(connection, transaction, station, key, records, bodies, duplicates);
                    transaction.Rollback();
                    transaction.Dispose();
                    transaction = null!;
                    if (!signed)
                    {
                        throw new SyncRejected(409, $"station {station} record {records[duplicates].Sequence} differs from the one the ledger holds " +
                            "and no checkpoint signed by the station covers it: ignored; nothing from this batch was applied");
                    }
                    KeepEvidence(connection, station, (long)records[duplicates].Sequence, stored ?? [], bodies[duplicates]);
                    throw new SyncRejected(409, $"station {station} record {records[duplicates].Sequence} differs from the one the ledger holds, " +
                        "signed by the station's key: kept as evidence of a forked or cloned kiosk; nothing from this batch was applied");
                }
                duplicates++;
            }
            if (duplicates < records.Count && (long)records[duplicates].Sequence != last + 1)
            {
                throw new SyncRejected(400, $"the ledger holds station {station} up to record {last}; send from record {last + 1}, not {records[duplicates].Sequence}");
            }
            var heads = new List<byte[]>();
            int signedUpTo = duplicates - 1;
            var sha = new Sha256();
            for (int i = duplicates; i < records.Count; i++)
            {
                string? problem = Check(station, key, records[i], head);
                if (problem is not null)
                {
                    throw new SyncRejected(400, $"station {station} record {records[i].Sequence}: {problem}; nothing from this batch was applied");
                }
                head = JournalScan.NextHead(sha, head, bodies[i]);
                heads.Add(head);
                if (records[i].Kind == RecordKind.Checkpoint)
                {
                    signedUpTo = i;
                }
            }
            int accepted = signedUpTo + 1 - duplicates;
            var leaves = new List<PendingLeaf>();
            for (int i = duplicates; i <= signedUpTo; i++)
            {
                Insert(connection, transaction, station, records[i], bodies[i], heads[i - duplicates]);
                leaves.Add(PendingLeaf.ForRecord(station, records[i], _log.PublicPseudonym));
            }
            if (accepted > 0)
            {
                last = (long)records[signedUpTo].Sequence;
                head = heads[signedUpTo - duplicates];
                LedgerDatabase.Execute(connection, transaction,
                    "INSERT INTO stations (station, public_key, last_sequence, head) VALUES (@s, @k, @l, @h) " +
                    "ON CONFLICT (station) DO UPDATE SET last_sequence = @l, head = @h",
                    ("@s", station), ("@k", key), ("@l", last), ("@h", head));
                _log.Stage(connection, transaction, leaves);
            }
            else
            {
                (last, head) = ChainState(connection, transaction, station);
            }
            transaction.Commit();
            if (accepted > 0)
            {
                _log.Publish();
            }
            return new SyncResult(station, last, Convert.ToHexString(head).ToLowerInvariant(), accepted, duplicates, records.Count - duplicates - accepted);
        }
        catch
        {
            _log.Abandon();
            throw;
        }
        finally
        {
            transaction?.Dispose();
        }
    }

    // Walks the offered records from the fork on: a continuous chain up to a checkpoint the station key signed.
    private bool SignedFork(DbConnection connection, DbTransaction transaction, int station, byte[] key, List<JournalRecord> records, List<byte[]> bodies, int fork)
    {
        long before = (long)records[fork].Sequence - 1;
        byte[] head = before == 0
            ? new byte[32]
            : (byte[]?)LedgerDatabase.Scalar(connection, transaction, "SELECT head FROM records WHERE station = @s AND sequence = @q", ("@s", station), ("@q", before)) ?? new byte[32];
        var sha = new Sha256();
        for (int i = fork; i < records.Count; i++)
        {
            if (Check(station, key, records[i], head) is not null)
            {
                return false;
            }
            if (records[i].Kind == RecordKind.Checkpoint)
            {
                return true;
            }
            head = JournalScan.NextHead(sha, head, bodies[i]);
        }
        return false;
    }

    private string? Check(int station, byte[] key, JournalRecord record, byte[] head)
    {
        if (!record.Link.AsSpan().SequenceEqual(head.AsSpan(0, JournalRecord.LinkSize)))
        {
            return "its link does not continue the chain the ledger holds (a record before it was changed, removed or reordered)";
        }
        if ((record.Kind == RecordKind.Opened) != (record.Sequence == 1))
        {
            return record.Sequence == 1 ? "a journal starts with its opened record" : "a second opened record";
        }
        if (record.Kind == RecordKind.Opened)
        {
            if (record.Code != station || !record.StationPublicKey.AsSpan().SequenceEqual(key))
            {
                return "the journal was opened by another station or key than the council registered";
            }
            if (!record.CouncilId.AsSpan().SequenceEqual(_registry.CouncilId))
            {
                return "the journal belongs to another council";
            }
        }
        if (record.Kind == RecordKind.Checkpoint)
        {
            byte[] message = JournalScan.CheckpointMessage(_registry.CouncilId, station, record.Sequence - 1, head, record.Time, record.Code);
            if (!_ed.Verify(record.Blob, message, key))
            {
                return "the checkpoint signature does not verify with the station's registered key";
            }
        }
        return null;
    }

    private static void Insert(DbConnection connection, DbTransaction transaction, int station, JournalRecord record, byte[] body, byte[] head)
    {
        bool movement = record.IsMovement;
        bool stock = record.Kind is RecordKind.StockReceived or RecordKind.StockCorrection;
        int inserted = LedgerDatabase.Execute(connection, transaction,
            "INSERT INTO records (station, sequence, kind, time, operator, household, item, quantity, neighbour1, neighbour2, target, body, head) " +
            "VALUES (@s, @q, @k, @t, @o, @h, @i, @n, @n1, @n2, @g, @b, @hd) ON CONFLICT (station, sequence) DO NOTHING",
            ("@s", station), ("@q", (long)record.Sequence), ("@k", record.Kind), ("@t", (long)record.Time), ("@o", record.Operator),
            ("@h", movement ? record.Household : null), ("@i", movement || stock ? record.Item : null), ("@n", movement || stock ? record.Quantity : null),
            ("@n1", record.Kind == RecordKind.Exception ? record.Neighbour1 : null), ("@n2", record.Kind == RecordKind.Exception ? record.Neighbour2 : null),
            ("@g", record.Kind == RecordKind.Undo ? (long)record.Target : null), ("@b", body), ("@hd", head));
        if (inserted == 0)
        {
            // Only another writer on the same database gets here: the key, not a prior read, decides.
            throw new SyncRejected(409, $"station {station} record {record.Sequence} was stored meanwhile by another upload; ask for the status and resume");
        }
    }

    private void KeepEvidence(DbConnection connection, int station, long sequence, byte[] stored, byte[] offered)
    {
        LedgerDatabase.Execute(connection, null,
            "INSERT INTO conflicts (station, sequence, stored_body, offered_body, received_at) VALUES (@s, @q, @a, @b, @t) " +
            "ON CONFLICT (station, sequence, offered_body) DO NOTHING",
            ("@s", station), ("@q", sequence), ("@a", stored), ("@b", offered), ("@t", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    }

    private static (long Last, byte[] Head) ChainState(DbConnection connection, DbTransaction? transaction, int station)
    {
        using DbCommand command = LedgerDatabase.Command(connection, transaction, "SELECT last_sequence, head FROM stations WHERE station = @s", ("@s", station));
        using DbDataReader reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, new byte[32]);
    }

    private byte[] StationKey(int station) =>
        _registry.StationKey(station) ?? throw new SyncRejected(403, $"station {station} is not registered by the council (REGISTRY_UPDATE operation 5)");
}
