using System.Text.Json.Serialization;

namespace Skold.Ledger.Sync;

/// <summary>A kiosk's upload: its station number and journal record bodies (base64), in sequence order.</summary>
public sealed record SyncBatch(int Station, List<string>? Records);

/// <summary>Where a station's journal stands at the ledger. Acknowledged records may be dropped by nobody: the kiosk deletes nothing.</summary>
public sealed record SyncStatus(int Station, long Acknowledged, string Head);

public sealed record SyncResult(int Station, long Acknowledged, string Head, int Accepted, int Duplicates, int Unsigned);

public sealed record SyncError(string Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyncBatch))]
[JsonSerializable(typeof(SyncStatus))]
[JsonSerializable(typeof(SyncResult))]
[JsonSerializable(typeof(SyncError))]
public sealed partial class SyncJsonContext : JsonSerializerContext;
