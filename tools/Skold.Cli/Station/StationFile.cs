using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skold.Cli.Commands;
using Skold.Council;
using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>
/// A practice station's settings in JSON, next to its journal (`&lt;journal&gt;.station.json`):
/// station number and name, its key seed, the crisis key for household pseudonyms, operators
/// with PIN hashes, and the distribution rules. A real kiosk gets these by provisioning and
/// keeps its key on the board; this file is for training and demos only.
/// </summary>
public sealed record StationFile(
    string? Format,
    int Station,
    string? Name,
    string? StationSeed,
    string? CrisisKey,
    string? CouncilId,
    List<OperatorEntry>? Operators,
    RulesEntry? Rules,
    int UtcOffsetMinutes = 60,
    int VouchesPerDay = 2,
    int CheckpointInterval = Journal.DefaultCheckpointInterval,
    int JournalBytes = FileJournalStorage.DefaultSize,
    string? RulesOrder = null)
{
    public const string FormatName = "skold-practice-station-v1";

    public static string DefaultPath(string journalPath) => journalPath + ".station.json";

    /// <summary>A practice station: operators 1 (PIN 1234) and 2 (PIN 5678), battery packs, food parcels and water.</summary>
    public static StationFile CreatePractice(uint now, Func<int, byte[]> randomBytes, int station = 1) => new(
        FormatName,
        station,
        "Practice",
        Convert.ToHexString(randomBytes(32)).ToLowerInvariant(),
        Convert.ToHexString(randomBytes(32)).ToLowerInvariant(),
        Convert.ToHexString(randomBytes(32)).ToLowerInvariant(),
        [new OperatorEntry(1, Hex(KioskSettings.PinHash(station, 1, "1234"))), new OperatorEntry(2, Hex(KioskSettings.PinHash(station, 2, "5678")))],
        new RulesEntry(24, CliInput.FormatIso(now - 3600), CliInput.FormatIso(now + 120 * 86400u),
        [
            new ItemEntry(ItemRule.BatteryPack, null, 2, 1, 1),
            new ItemEntry(ItemRule.FoodParcel, null, 2, 0, 1),
            new ItemEntry(ItemRule.Water, null, 6, 0, 0),
        ]));

    public static Func<int, byte[]> SystemRandom => RandomNumberGenerator.GetBytes;

    /// <summary>Secrets from a seed, so a simulated station is the same on every run.</summary>
    public static Func<int, byte[]> SeededRandom(int seed)
    {
        int counter = 0;
        return size => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"skold-practice-{seed}-{counter++}"))[..size];
    }

    public static StationFile Load(string path)
    {
        StationFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), StationJsonContext.Default.StationFile);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not a station file: {e.Message}");
        }
        if (file is null || file.Format != FormatName)
        {
            throw new UsageException($"{path} is not a station file (format {FormatName})");
        }
        return file;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, StationJsonContext.Default.StationFile));

    public KioskSettings Settings()
    {
        var settings = new KioskSettings(Station, Name ?? "") { UtcOffsetMinutes = UtcOffsetMinutes };
        foreach (OperatorEntry op in Operators ?? [])
        {
            settings.AddOperator(op.Number, Bytes(op.PinSha256, 32, "operator PIN hash"));
        }
        return settings;
    }

    /// <summary>The council's signed DISTRIBUTION_RULES order in force, when one was given with --rules.</summary>
    public Order? Order => RulesOrder is null ? null : Order.Decode(OrderFiles.FromText(RulesOrder));

    public DistributionRulesBody RulesBody()
    {
        if (Order is { Body: DistributionRulesBody signed })
        {
            return signed;
        }
        if (Rules?.Items is null)
        {
            throw new UsageException("the station file has no rules");
        }
        return new DistributionRulesBody(Rules.PeriodHours,
            Rules.Items.Select(i => new ItemRule(i.Code, i.Name, i.PerPeriod, i.MaxOut, i.Exceptions)).ToArray());
    }

    public uint RulesCreated => Order?.Created ?? CliInput.Time(Rules?.Created, "rules created");

    public uint RulesExpires => Order?.Expires ?? CliInput.Time(Rules?.Expires, "rules expires");

    public byte[] Bytes(string? hex, int size, string what)
    {
        try
        {
            byte[] bytes = Convert.FromHexString(hex ?? "");
            if (bytes.Length == size)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }
        throw new UsageException($"the station file's {what} must be {size} bytes of hex");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

public sealed record OperatorEntry(int Number, string? PinSha256);

public sealed record RulesEntry(int PeriodHours, string? Created, string? Expires, List<ItemEntry>? Items);

public sealed record ItemEntry(int Code, string? Name, int PerPeriod, int MaxOut, int Exceptions);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StationFile))]
internal sealed partial class StationJsonContext : JsonSerializerContext;
