namespace Skold.Ledger.Database;

/// <summary>What differs between SQLite and PostgreSQL in our schema; the statements are otherwise shared.</summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new("sqlite", "BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT");
    public static readonly SqlDialect Postgres = new("postgres", "BYTEA", "BIGSERIAL PRIMARY KEY");

    private SqlDialect(string name, string blob, string serialKey)
    {
        Name = name;
        Blob = blob;
        SerialKey = serialKey;
    }

    public string Name { get; }

    public string Blob { get; }

    public string SerialKey { get; }

    /// <summary>Fills {blob} and {serial} in a statement written for both.</summary>
    public string Render(string sql) => sql.Replace("{blob}", Blob, StringComparison.Ordinal).Replace("{serial}", SerialKey, StringComparison.Ordinal);
}
