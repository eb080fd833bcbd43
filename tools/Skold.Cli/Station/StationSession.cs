using Skold.Cli.Commands;
using Skold.Crypto;
using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>A kiosk on the host: the station file, its journal file opened and replayed, and the state machine.</summary>
public sealed class StationSession : IDisposable
{
    private readonly FileJournalStorage _storage;

    private StationSession(StationFile station, FileJournalStorage storage, Journal journal, DistributionBook book, Kiosk kiosk, bool created)
    {
        Station = station;
        _storage = storage;
        Journal = journal;
        Book = book;
        Kiosk = kiosk;
        CreatedStation = created;
    }

    public StationFile Station { get; }

    public Journal Journal { get; }

    public DistributionBook Book { get; }

    public Kiosk Kiosk { get; }

    /// <summary>True when this run made the practice station file.</summary>
    public bool CreatedStation { get; }

    /// <summary>Opens (or, with no station file and no journal, creates) a practice station.</summary>
    public static StationSession Open(string journalPath, string? stationPath, uint now, Func<int, byte[]> randomBytes) =>
        Open(journalPath, stationPath, now, randomBytes, null);

    /// <summary>As Open, letting `change` amend the station file (for example with a new rules order) before the journal opens.</summary>
    public static StationSession Open(string journalPath, string? stationPath, uint now, Func<int, byte[]> randomBytes, Func<StationFile, bool, StationFile>? change) =>
        Open(journalPath, stationPath, now, randomBytes, change, null);

    /// <summary>As Open, with the journal written through <paramref name="wrapStorage"/> (a demo's power cut, say).</summary>
    public static StationSession Open(string journalPath, string? stationPath, uint now, Func<int, byte[]> randomBytes,
        Func<StationFile, bool, StationFile>? change, Func<IJournalStorage, IJournalStorage>? wrapStorage)
    {
        stationPath ??= StationFile.DefaultPath(journalPath);
        bool created = false;
        if (!File.Exists(stationPath))
        {
            if (File.Exists(journalPath))
            {
                throw new UsageException($"{journalPath} exists but its station file {stationPath} does not: give --station");
            }
            StationFile.CreatePractice(now, randomBytes).Save(stationPath);
            created = true;
        }
        StationFile station = StationFile.Load(stationPath);
        if (change is not null)
        {
            station = change(station, created);
            station.Save(stationPath);
        }
        var ed = new Ed25519();
        Ed25519PrivateKey key = ed.CreatePrivateKey(station.Bytes(station.StationSeed, 32, "station seed"));
        var cards = new HouseholdCard(station.Bytes(station.CrisisKey, 32, "crisis key"));
        var book = new DistributionBook(station.VouchesPerDay);
        book.SetRules(station.RulesBody(), station.RulesCreated, station.RulesExpires);
        FileJournalStorage storage = FileJournalStorage.OpenOrCreate(journalPath, station.JournalBytes);
        try
        {
            Journal journal = Journal.Open(wrapStorage is null ? storage : wrapStorage(storage), ed, key, station.Station, station.Bytes(station.CouncilId, 32, "council id"),
                cards.KeyId, now, station.CheckpointInterval, book);
            var kiosk = new Kiosk(station.Settings(), journal, book, cards, now);
            if (station.Order is { } order && !kiosk.ApplyRules(order, now))
            {
                throw new UsageException($"the council's rules order (sequence {order.Sequence}) expired at {CliInput.FormatTime(order.Expires)}");
            }
            return new StationSession(station, storage, journal, book, kiosk, created);
        }
        catch (JournalCorruptException e)
        {
            storage.Dispose();
            throw new UsageException($"{journalPath}: {e.Message}");
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public void Dispose() => _storage.Dispose();
}
