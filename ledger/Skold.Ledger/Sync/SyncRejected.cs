namespace Skold.Ledger.Sync;

/// <summary>An upload the ledger refuses whole; Status is the HTTP status to answer with.</summary>
public sealed class SyncRejected(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
