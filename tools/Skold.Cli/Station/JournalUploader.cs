using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Skold.Cli.Commands;
using Skold.Crypto;
using Skold.Ledger.Sync;
using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>
/// What a kiosk does when the grid is back: asks the ledger how far it holds the journal, then
/// sends the rest in small batches (each small enough for an ESP32 to build), resuming where
/// the ledger's acknowledgement says after any cut. Nothing is deleted here: the journal stays.
/// </summary>
public sealed class JournalUploader(HttpClient http, TextWriter progress)
{
    public const int DefaultBatch = 64;

    public async Task<UploadOutcome> UploadAsync(string journalPath, int batchSize, CancellationToken cancel)
    {
        var records = new RecordCollector();
        JournalScan scan;
        using (FileJournalStorage storage = FileJournalStorage.OpenReadOnly(journalPath))
        {
            scan = JournalScan.Run(storage, new Ed25519(), records);
        }
        if (!scan.Valid)
        {
            throw new UsageException($"{journalPath} is damaged ({scan.Error}): nothing was sent; give the file to a technician");
        }
        int station = scan.StationId;
        SyncStatus status = await GetAsync($"sync/{station}", cancel);
        long acknowledged = status.Acknowledged;
        if (acknowledged < 0 || acknowledged > (long)scan.Records)
        {
            throw new UsageException($"the ledger holds {acknowledged} records for station {station}, more than this journal's {scan.Records}: is this the station's own journal?");
        }
        if (acknowledged > 0 && !Hex(records.Heads[(int)acknowledged - 1]).Equals(status.Head, StringComparison.Ordinal))
        {
            throw new UsageException($"the ledger holds a different record {acknowledged} for station {station} than this journal: report it, this kiosk may be a clone");
        }
        int total = (int)scan.Records;
        Draw(acknowledged, total);
        while (acknowledged < total)
        {
            int from = (int)acknowledged;
            int count = Skold.Station.UploadBatches.End([.. records.Kinds], records.Kinds.Count, from, batchSize) - from;
            var batch = new SyncBatch(station, records.Bodies.Skip(from).Take(count).Select(Convert.ToBase64String).ToList());
            using HttpResponseMessage response = await http.PostAsJsonAsync($"sync/{station}", batch, SyncJsonContext.Default.SyncBatch, cancel);
            if (!response.IsSuccessStatusCode)
            {
                SyncError? error = await ReadErrorAsync(response, cancel);
                throw new UsageException($"the ledger refused records {from + 1}..{from + count} ({(int)response.StatusCode}): {error?.Error ?? response.ReasonPhrase}");
            }
            SyncResult result = (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult, cancel))!;
            if (result.Acknowledged > total)
            {
                throw new UsageException($"the ledger acknowledged record {result.Acknowledged} of a journal of {total}: stop and report it");
            }
            if (result.Acknowledged <= acknowledged)
            {
                // The ledger stores only records under a signed checkpoint; the kiosk signs one before syncing.
                throw new UsageException($"the ledger acknowledged nothing past record {acknowledged}: the journal needs a checkpoint after its last record (open it on the kiosk once)");
            }
            acknowledged = result.Acknowledged;
            if (!Hex(records.Heads[(int)acknowledged - 1]).Equals(result.Head, StringComparison.Ordinal))
            {
                throw new UsageException($"the ledger's chain head after record {acknowledged} differs from this journal's");
            }
            Draw(acknowledged, total);
        }
        progress.WriteLine();
        return new UploadOutcome(station, acknowledged, total, Hex(scan.Head));
    }

    private void Draw(long done, int total)
    {
        const int width = 30;
        int filled = total == 0 ? width : (int)(done * width / total);
        progress.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} records");
    }

    private async Task<SyncStatus> GetAsync(string path, CancellationToken cancel)
    {
        using HttpResponseMessage response = await http.GetAsync(path, cancel);
        if (!response.IsSuccessStatusCode)
        {
            SyncError? error = await ReadErrorAsync(response, cancel);
            throw new UsageException($"the ledger answered {(int)response.StatusCode}: {error?.Error ?? response.ReasonPhrase}");
        }
        return (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncStatus, cancel))!;
    }

    private static async Task<SyncError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncError, cancel);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private sealed class RecordCollector : IJournalReader
    {
        private readonly Sha256 _sha = new();
        private byte[] _head = new byte[32];

        public List<byte[]> Bodies { get; } = [];

        public List<byte[]> Heads { get; } = [];

        public List<int> Kinds { get; } = [];

        public void Read(JournalRecord record)
        {
            byte[] body = record.EncodeBody();
            Bodies.Add(body);
            Kinds.Add(record.Kind);
            _head = JournalScan.NextHead(_sha, _head, body);
            Heads.Add(_head);
        }
    }
}

public sealed record UploadOutcome(int Station, long Acknowledged, int Records, string Head);
