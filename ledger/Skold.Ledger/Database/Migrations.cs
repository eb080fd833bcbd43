using System.Data.Common;

namespace Skold.Ledger.Database;

/// <summary>
/// Versioned schema changes, applied in order at start-up, each in its own transaction with its
/// version recorded; a database newer than this build is refused rather than guessed at.
/// </summary>
public static class Migrations
{
    private static readonly string[][] Steps =
    [
        [
            """
            CREATE TABLE stations (
              station INTEGER PRIMARY KEY,
              public_key {blob} NOT NULL,
              last_sequence BIGINT NOT NULL,
              head {blob} NOT NULL)
            """,
            """
            CREATE TABLE records (
              station INTEGER NOT NULL,
              sequence BIGINT NOT NULL,
              kind INTEGER NOT NULL,
              time BIGINT NOT NULL,
              operator INTEGER NOT NULL,
              household {blob},
              item INTEGER,
              quantity INTEGER,
              neighbour1 {blob},
              neighbour2 {blob},
              target BIGINT,
              body {blob} NOT NULL,
              head {blob} NOT NULL,
              PRIMARY KEY (station, sequence))
            """,
            "CREATE INDEX records_household ON records (household, item)",
            """
            CREATE TABLE conflicts (
              id {serial},
              station INTEGER NOT NULL,
              sequence BIGINT NOT NULL,
              stored_body {blob} NOT NULL,
              offered_body {blob} NOT NULL,
              received_at BIGINT NOT NULL,
              UNIQUE (station, sequence, offered_body))
            """,
            """
            CREATE TABLE orders (
              order_id {blob} PRIMARY KEY,
              kind INTEGER NOT NULL,
              sequence INTEGER NOT NULL,
              created BIGINT NOT NULL,
              encoded {blob} NOT NULL)
            """,
            """
            CREATE TABLE log_leaves (
              leaf_index BIGINT PRIMARY KEY,
              data {blob} NOT NULL,
              station INTEGER,
              sequence BIGINT,
              order_id {blob},
              UNIQUE (station, sequence),
              UNIQUE (order_id))
            """,
            """
            CREATE TABLE log_checkpoints (
              size BIGINT PRIMARY KEY,
              root {blob} NOT NULL,
              note TEXT NOT NULL,
              created BIGINT NOT NULL)
            """,
            "CREATE TABLE ledger_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ],
    ];

    public static int Latest => Steps.Length;

    public static void Apply(LedgerDatabase database)
    {
        using DbConnection connection = database.Connect();
        LedgerDatabase.Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        int current = Convert.ToInt32(LedgerDatabase.Scalar(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0);
        if (current > Latest)
        {
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this ledger ({Latest}): run a newer ledger");
        }
        for (int version = current + 1; version <= Latest; version++)
        {
            using DbTransaction transaction = connection.BeginTransaction();
            foreach (string statement in Steps[version - 1])
            {
                LedgerDatabase.Execute(connection, transaction, database.Dialect.Render(statement));
            }
            // The key makes two ledgers starting at once apply a step only once.
            LedgerDatabase.Execute(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)",
                ("@v", version), ("@t", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
            transaction.Commit();
        }
    }
}
