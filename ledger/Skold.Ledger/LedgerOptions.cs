using Skold.Council;

namespace Skold.Ledger;

/// <summary>How a ledger is started: its database, the council whose stations and orders it accepts, and its signing key.</summary>
public sealed class LedgerOptions
{
    /// <summary>A SQLite file path, or a PostgreSQL connection string (with "Host=").</summary>
    public required string Database { get; init; }

    public required CouncilRegistry Registry { get; init; }

    /// <summary>The 32-byte Ed25519 seed the ledger signs its checkpoints with.</summary>
    public required byte[] KeySeed { get; init; }

    /// <summary>The log's origin line (C2SP tlog-checkpoint), which also names its key.</summary>
    public required string Origin { get; init; }

    /// <summary>Counts below this are shown as "fewer than N" on the public page.</summary>
    public int SuppressBelow { get; init; } = 5;

    public string Urls { get; init; } = "http://127.0.0.1:8080";
}
