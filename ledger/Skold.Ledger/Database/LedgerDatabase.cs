using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Skold.Ledger.Database;

/// <summary>
/// The ledger's database: a SQLite file (the default: nothing to set up) or PostgreSQL (a
/// connection string). Uniqueness is the database's job: every insert that must happen once is
/// an INSERT ... ON CONFLICT DO NOTHING against a key, never a check followed by an insert.
/// </summary>
public sealed class LedgerDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _postgres;

    private LedgerDatabase(SqlDialect dialect, string connectionString, NpgsqlDataSource? postgres)
    {
        Dialect = dialect;
        _connectionString = connectionString;
        _postgres = postgres;
    }

    public SqlDialect Dialect { get; }

    /// <summary>A PostgreSQL connection string (it has "Host=") or a SQLite file path.</summary>
    public static LedgerDatabase Open(string target)
    {
        LedgerDatabase database = target.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? new LedgerDatabase(SqlDialect.Postgres, target, NpgsqlDataSource.Create(target))
            : new LedgerDatabase(SqlDialect.Sqlite, new SqliteConnectionStringBuilder { DataSource = target, Pooling = true }.ToString(), null);
        Migrations.Apply(database);
        return database;
    }

    public DbConnection Connect()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using DbCommand pragma = connection.CreateCommand();
        // WAL lets the public page read while a kiosk uploads; FULL sync so an acknowledged batch is on disk.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string, object?)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A number column: SQLite answers INTEGER, PostgreSQL int4 or int8 (sums and counts).</summary>
    public static long Number(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _postgres?.Dispose();
}
