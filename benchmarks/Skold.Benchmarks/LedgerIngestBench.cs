using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger.Database;
using Skold.Ledger.Log;
using Skold.Ledger.Sync;
using Skold.Station;
using Skold.Transparency;

namespace Skold.Benchmarks;

/// <summary>
/// Ledger ingest at scale, side by side with its baseline: real kiosk journals (hash chains,
/// signed checkpoints every 64 records) uploaded through the ledger's sync service into SQLite
/// (every check, the public leaves, the tree and a signed checkpoint per batch), against a bare
/// SQLite insert of the same rows in the same batches. Then the cost of proofs as the log grows.
/// Too long a workload for BenchmarkDotNet's repetitions: one timed run of each, printed as a table.
/// </summary>
public static class LedgerIngestBench
{
    public static void Run(int records, int stations)
    {
        Console.WriteLine($"Preparing {records:N0} journal records at {stations} stations (signed as the kiosks sign them)...");
        (CouncilRegistry registry, List<(int Station, List<byte[]> Bodies)> journals) = Journals(records, stations);
        string dir = Directory.CreateTempSubdirectory("skold-ingest-").FullName;
        try
        {
            double ledger = Time(() => IngestThroughLedger(Path.Combine(dir, "ledger.db"), registry, journals), out long leaves);
            double bare = Time(() => BareInsert(Path.Combine(dir, "bare.db"), journals), out _);
            Console.WriteLine();
            Console.WriteLine("| ingest of " + records.ToString("N0", CultureInfo.InvariantCulture) + " records into SQLite | seconds | records/s | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| bare INSERT of the same rows, same batches (baseline) | {bare:F1} | {records / bare:N0} | 1.00 |");
            Console.WriteLine($"| ledger sync: chain, signatures, records, {leaves:N0} public leaves, tree, checkpoints | {ledger:F1} | {records / ledger:N0} | {ledger / bare:F2} |");
            Proofs();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Time(Func<long> work, out long result)
    {
        var watch = Stopwatch.StartNew();
        result = work();
        return watch.Elapsed.TotalSeconds;
    }

    private static long IngestThroughLedger(string path, CouncilRegistry registry, List<(int Station, List<byte[]> Bodies)> journals)
    {
        using LedgerDatabase database = LedgerDatabase.Open(path);
        PublicLog log = PublicLog.Open(database, new LedgerSigner("bench.example/log", new byte[32]));
        var sync = new SyncService(database, registry, log);
        foreach ((int station, List<byte[]> bodies) in journals)
        {
            foreach (List<byte[]> batch in Batches(bodies))
            {
                SyncResult result = sync.Upload(station, new SyncBatch(station, batch.Select(Convert.ToBase64String).ToList()));
                if (result.Accepted != batch.Count)
                {
                    throw new InvalidOperationException($"station {station}: {result.Accepted} of {batch.Count} accepted");
                }
            }
        }
        return log.Size;
    }

    private static long BareInsert(string path, List<(int Station, List<byte[]> Bodies)> journals)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        connection.Open();
        LedgerDatabase.Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        LedgerDatabase.Execute(connection, null, "CREATE TABLE records (station INTEGER NOT NULL, sequence BIGINT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (station, sequence))");
        long rows = 0;
        foreach ((int station, List<byte[]> bodies) in journals)
        {
            long sequence = 0;
            foreach (List<byte[]> batch in Batches(bodies))
            {
                using DbTransaction transaction = connection.BeginTransaction();
                foreach (byte[] body in batch)
                {
                    rows += LedgerDatabase.Execute(connection, transaction, "INSERT INTO records (station, sequence, body) VALUES (@s, @q, @b)",
                        ("@s", station), ("@q", ++sequence), ("@b", body));
                }
                transaction.Commit();
            }
        }
        return rows;
    }

    // The kiosk's batches: up to the last checkpoint within 256 records.
    private static IEnumerable<List<byte[]>> Batches(List<byte[]> bodies)
    {
        int[] kinds = bodies.Select(b => (int)b[0]).ToArray();
        for (int from = 0; from < bodies.Count;)
        {
            int end = Skold.Station.UploadBatches.End(kinds, kinds.Length, from, Skold.Station.UploadBatches.MaxRecords);
            yield return bodies.GetRange(from, end - from);
            from = end;
        }
    }

    private static void Proofs()
    {
        Console.WriteLine();
        Console.WriteLine("| log size | inclusion proof | consistency proof (from half) | root of an earlier size |");
        Console.WriteLine("|---|---|---|---|");
        var tree = new MerkleTree();
        var random = new Random(1);
        byte[] leaf = new byte[40];
        foreach (long size in new long[] { 1_000, 10_000, 100_000, 1_000_000 })
        {
            while (tree.Size < size)
            {
                random.NextBytes(leaf);
                tree.AppendLeaf(leaf);
            }
            const int rounds = 20_000;
            double inclusion = PerCall(rounds, i => tree.InclusionProof(random.NextInt64(size), size));
            double consistency = PerCall(rounds, i => tree.ConsistencyProof(size / 2, size));
            double root = PerCall(rounds, i => tree.Root(size - 1 - random.Next(100)));
            Console.WriteLine($"| {size:N0} | {inclusion:F2} µs | {consistency:F2} µs | {root:F2} µs |");
        }
    }

    private static double PerCall(int rounds, Action<int> call)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            call(i);
        }
        return watch.Elapsed.TotalMicroseconds / rounds;
    }

    private static (CouncilRegistry, List<(int, List<byte[]>)>) Journals(int records, int stations)
    {
        var ed = new Ed25519();
        var members = new CouncilMember[8];
        var keys = new Ed25519PrivateKey[8];
        for (int i = 0; i < 8; i++)
        {
            keys[i] = ed.CreatePrivateKey(Enumerable.Repeat((byte)(i + 1), 32).ToArray());
            members[i] = new CouncilMember("M" + i, i / 2, keys[i].GetPublicKey(), 0, CouncilMember.Forever, false);
        }
        var genesis = new Order(OrderKind.Genesis, 0, 1000, 0, new GenesisBody("Bench", 1, members, KindPolicy.Defaults()));
        CouncilRegistry registry = CouncilRegistry.FromGenesis(genesis);
        var cards = new HouseholdCard(new byte[32]);
        var journals = new List<(int, List<byte[]>)>();
        var stationKeys = new List<RegistryOperation>();
        var random = new Random(7);
        for (int station = 1; station <= stations; station++)
        {
            Ed25519PrivateKey key = ed.CreatePrivateKey(Enumerable.Repeat((byte)(100 + station), 32).ToArray());
            stationKeys.Add(RegistryOperation.Station(station, key.GetPublicKey()));
            var storage = new MemoryJournalStorage(records / stations * 48 + 65536);
            var bodies = new Collector();
            Journal journal = Journal.Open(storage, ed, key, station, registry.CouncilId, cards.KeyId, 2000, 64, bodies);
            uint time = 2000;
            while (journal.Records < records / stations)
            {
                string stem = (100000 + random.Next(2000)).ToString(CultureInfo.InvariantCulture);
                journal.Append(JournalRecord.HandOut(time += 30, 1, cards.Pseudonym(stem + HouseholdCard.CheckDigit(stem)), 1 + random.Next(3), 1));
            }
            journal.Checkpoint(time, JournalRecord.CheckpointShutdown);
            bodies.Bodies.Clear();
            JournalScan.Run(storage, ed, bodies);
            journals.Add((station, bodies.Bodies));
        }
        // The registry update is applied unsigned: the bench measures ingest, not the council.
        return (registry.Apply(new RegistryUpdateBody([.. stationKeys]), 1), journals);
    }

    private sealed class Collector : IJournalReader
    {
        public List<byte[]> Bodies { get; } = [];

        public void Read(JournalRecord record) => Bodies.Add(record.EncodeBody());
    }
}
