using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Skold.Cli.Station;
using Skold.Crypto;
using Skold.Station;

namespace Skold.Cli.Commands;

/// <summary>`skold journal verify|export`: judge a station journal file and read it out.</summary>
internal static class JournalCommand
{
    public static Command Create(CommandIO io)
    {
        var command = new Command("journal", "Check a station journal (CRCs, sequence, hash chain, checkpoint signatures) and export its records.");
        command.Subcommands.Add(Verify(io));
        command.Subcommands.Add(Export(io));
        return command;
    }

    private static Argument<string> FileArgument() => new("file") { Description = "The journal file (a copy of the kiosk's journal partition)." };

    private static Command Verify(CommandIO io)
    {
        var file = FileArgument();
        var json = new Option<bool>("--json") { Description = "Print {\"records\", \"valid\", \"torn_tail_bytes\", \"head\", \"error\"} on one line." };
        var command = new Command("verify", "Exit code 0 when the journal is valid (a torn last write, as a power cut leaves, is still valid), 1 when it is damaged or tampered with.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            JournalScan scan = Scan(parse.GetValue(file)!, null);
            if (parse.GetValue(json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(new VerifyResult(scan.Records, scan.Valid, scan.TornTailBytes,
                    Convert.ToHexString(scan.Head).ToLowerInvariant(), scan.Error), JournalJsonContext.Default.VerifyResult));
            }
            else
            {
                io.Output.WriteLine(scan.Valid ? "valid" : "DAMAGED: " + scan.Error);
                io.Output.WriteLine($"records: {scan.Records} (the first {scan.CheckpointedRecords} covered by {scan.Checkpoints} signed checkpoints)");
                io.Output.WriteLine($"station: {scan.StationId}, key {Convert.ToHexString(scan.StationPublicKey).ToLowerInvariant()}");
                io.Output.WriteLine($"head: {Convert.ToHexString(scan.Head).ToLowerInvariant()}");
                if (scan.TornTailBytes > 0)
                {
                    io.Output.WriteLine($"torn tail: {scan.TornTailBytes} bytes of an unfinished write at offset {scan.TornTailOffset} (cut when the kiosk next starts)");
                }
                if (scan.DiscardedEntries > 0)
                {
                    io.Output.WriteLine($"discarded: {scan.DiscardedEntries} torn writes cut at earlier starts");
                }
                if (scan.Valid && scan.CheckpointedRecords + 1 < scan.Records)
                {
                    io.Output.WriteLine($"note: the last {scan.Records - scan.CheckpointedRecords - 1} records are not yet under a signed checkpoint");
                }
            }
            return scan.Valid ? 0 : 1;
        }));
        return command;
    }

    private static Command Export(CommandIO io)
    {
        var file = FileArgument();
        var json = new Option<bool>("--json") { Description = "A JSON array of records." };
        var csv = new Option<bool>("--csv") { Description = "CSV with a header line." };
        var command = new Command("export", "Every committed record with its fields; households appear only as pseudonyms. Exit code 1 (after the records before the damage) when the journal is damaged.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(csv);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            if (parse.GetValue(json) == parse.GetValue(csv))
            {
                throw new UsageException("give one of --json or --csv");
            }
            var collector = new Collector();
            JournalScan scan = Scan(parse.GetValue(file)!, collector);
            List<ExportedRecord> rows = collector.Records.Select(ExportedRecord.From).ToList();
            if (parse.GetValue(json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(rows, JournalJsonContext.Default.ListExportedRecord));
            }
            else
            {
                io.Output.WriteLine(ExportedRecord.CsvHeader);
                foreach (ExportedRecord row in rows)
                {
                    io.Output.WriteLine(row.ToCsv());
                }
            }
            if (!scan.Valid)
            {
                io.Error.WriteLine("error: the journal is damaged after record " + scan.Records + ": " + scan.Error);
            }
            return scan.Valid ? 0 : 1;
        }));
        return command;
    }

    private static JournalScan Scan(string path, IJournalReader? reader)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }
        using FileJournalStorage storage = FileJournalStorage.OpenReadOnly(path);
        return JournalScan.Run(storage, new Ed25519(), reader);
    }

    private sealed class Collector : IJournalReader
    {
        public readonly List<JournalRecord> Records = [];

        public void Read(JournalRecord record) => Records.Add(record);
    }
}

internal sealed record VerifyResult(uint Records, bool Valid, int TornTailBytes, string Head,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Error);

internal sealed record ExportedRecord(uint Sequence, string Kind, string Time, int Operator, string? Household, int? Item, int? Quantity,
    string? Neighbour1, string? Neighbour2, uint? Target, string? Detail)
{
    public const string CsvHeader = "sequence,kind,time,operator,household,item,quantity,neighbour1,neighbour2,target,detail";

    public static ExportedRecord From(JournalRecord r)
    {
        bool movement = r.IsMovement;
        bool stock = r.Kind is RecordKind.StockReceived or RecordKind.StockCorrection;
        string? detail = r.Kind switch
        {
            RecordKind.Opened => $"station {r.Code} key {Hex(r.StationPublicKey)} council {Hex(r.CouncilId)} crisis key id {Hex(r.CrisisKeyId)}",
            RecordKind.OrderApplied => $"order kind {r.Code} sequence {r.Target} id {Hex(r.Blob)}",
            RecordKind.Checkpoint => (r.Code == JournalRecord.CheckpointShutdown ? "shutdown" : r.Code == JournalRecord.CheckpointPeriodic ? "periodic" : "requested")
                + $" signature {Hex(r.Blob)}",
            RecordKind.ClockSet => "set on the keypad; the clock read " + (r.Target == 0 ? "before 2024 (lost)" : CliInput.FormatIso(r.Target)),
            _ => null,
        };
        return new ExportedRecord(r.Sequence, RecordKind.Name(r.Kind), CliInput.FormatIso(r.Time), r.Operator,
            movement ? Hex(r.Household) : null,
            movement || stock ? r.Item : null,
            movement || stock ? r.Quantity : null,
            r.Kind == RecordKind.Exception ? Hex(r.Neighbour1) : null,
            r.Kind == RecordKind.Exception ? Hex(r.Neighbour2) : null,
            r.Kind == RecordKind.Undo ? r.Target : null,
            detail);
    }

    public string ToCsv() => string.Join(",", new object?[] { Sequence, Kind, Time, Operator, Household, Item, Quantity, Neighbour1, Neighbour2, Target, Detail }
        .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(VerifyResult))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<ExportedRecord>))]
internal sealed partial class JournalJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
