using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger.Sync;
using Skold.Station;

namespace Skold.Ledger.Tests;

/// <summary>A council of eight with stations 1-3 registered, kiosks that write real journals, and a ledger on SQLite or PostgreSQL.</summary>
public sealed class LedgerWorld : IAsyncDisposable
{
    public const uint Start = 100_000_000;
    /// <summary>
    /// This world's own instance: an Ed25519 instance keeps scratch state, test classes run in
    /// parallel and async tests move between threads, so nothing shares one.
    /// </summary>
    public Ed25519 Ed { get; } = new();
    public readonly Ed25519PrivateKey[] Members = new Ed25519PrivateKey[8];
    public readonly Dictionary<int, Ed25519PrivateKey> StationKeys = [];
    public readonly HouseholdCard Cards = new(Enumerable.Repeat((byte)5, 32).ToArray());
    public readonly CouncilRegistry Registry;
    public readonly Order Genesis;
    public readonly Order StationsUpdate;
    public readonly string Database;
    public WebApplication App = null!;
    public HttpClient Http = null!;
    private readonly string? _postgresDatabase;

    public LedgerWorld(string provider)
    {
        var members = new CouncilMember[8];
        for (int i = 0; i < 8; i++)
        {
            Members[i] = Ed.CreatePrivateKey(Enumerable.Repeat((byte)(i + 1), 32).ToArray());
            members[i] = new CouncilMember("M" + i, i / 2, Members[i].GetPublicKey(), Start - 86400, CouncilMember.Forever, false);
        }
        Genesis = new Order(OrderKind.Genesis, 0, Start, 0, new GenesisBody("Storby", 10_000_000, members, KindPolicy.Defaults()));
        CouncilRegistry founding = CouncilRegistry.FromGenesis(Genesis);
        SignBy(founding, Genesis, 0, 1, 2, 3, 4, 6);
        var operations = new List<RegistryOperation>();
        for (int station = 1; station <= 3; station++)
        {
            StationKeys[station] = Ed.CreatePrivateKey(Enumerable.Repeat((byte)(40 + station), 32).ToArray());
            operations.Add(RegistryOperation.Station(station, StationKeys[station].GetPublicKey()));
        }
        StationsUpdate = new Order(OrderKind.RegistryUpdate, 1, Start + 60, 600, new RegistryUpdateBody([.. operations]));
        SignBy(founding, StationsUpdate, 0, 1, 2, 3, 4, 6);
        Registry = founding.Apply((RegistryUpdateBody)StationsUpdate.Body, 1);
        if (provider == "postgres")
        {
            string admin = Environment.GetEnvironmentVariable("SKOLD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("SKOLD_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL server");
            _postgresDatabase = "skold_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
                create.ExecuteNonQuery();
            }
            Database = new NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ToString();
        }
        else
        {
            Database = Path.Combine(Path.GetTempPath(), "skold-ledger-" + Guid.NewGuid().ToString("N") + ".db");
        }
    }

    public void SignBy(CouncilRegistry registry, Order order, params int[] members)
    {
        byte[] message = registry.SigningMessage(order);
        foreach (int m in members)
        {
            order.SetSignature(m, Ed.Sign(Members[m], message));
        }
    }

    public byte[] Seed { get; } = Enumerable.Repeat((byte)77, 32).ToArray();

    public async Task StartAsync()
    {
        App = LedgerApp.Build(new LedgerOptions
        {
            Database = Database,
            Registry = Registry,
            KeySeed = Seed,
            Origin = "ledger.storby.example/skold",
            Urls = "http://127.0.0.1:0",
        }, logging => logging.ClearProviders());
        await App.StartAsync();
        string address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    public async Task RestartAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAsync();
    }

    /// <summary>A kiosk's journal: opened, then the given records, then a checkpoint when sign is true.</summary>
    public Kiosk NewKiosk(int station) => new(this, station);

    public static string Card(int n)
    {
        string stem = (700000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return stem + HouseholdCard.CheckDigit(stem);
    }

    public async Task<HttpResponseMessage> UploadAsync(int station, IEnumerable<byte[]> bodies) =>
        await Http.PostAsJsonAsync($"sync/{station}", new SyncBatch(station, bodies.Select(Convert.ToBase64String).ToList()), SyncJsonContext.Default.SyncBatch);

    public async Task<SyncStatus> StatusAsync(int station) =>
        (await Http.GetFromJsonAsync($"sync/{station}", SyncJsonContext.Default.SyncStatus))!;

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("SKOLD_TEST_POSTGRES"));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in new[] { Database, Database + "-wal", Database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A station's journal in memory, written through the real Journal.</summary>
    public sealed class Kiosk : IJournalReader
    {
        private readonly LedgerWorld _world;
        private readonly Ed25519 _ed = new();
        private uint _now = Start + 3600;

        public Kiosk(LedgerWorld world, int station, Ed25519PrivateKey? key = null)
        {
            _world = world;
            Station = station;
            Journal = Journal.Open(Storage, _ed, key ?? world.StationKeys[station], station, world.Registry.CouncilId, world.Cards.KeyId, _now, 1000, this);
        }

        public int Station { get; }

        public MemoryJournalStorage Storage { get; } = new(1 << 20);

        public Journal Journal { get; }

        public List<byte[]> Bodies { get; } = [];

        public void Read(JournalRecord record) => Bodies.Add(record.EncodeBody());

        public Kiosk HandOut(int household, int item = ItemRule.FoodParcel, int quantity = 1, uint at = 0) =>
            Add(JournalRecord.HandOut(Time(at), 1, _world.Cards.Pseudonym(Card(household)), item, quantity));

        public Kiosk Return(int household, int item = ItemRule.BatteryPack) =>
            Add(JournalRecord.Returned(Time(0), 1, _world.Cards.Pseudonym(Card(household)), item, 1));

        public Kiosk Exception(int household, int n1, int n2) =>
            Add(JournalRecord.Exception(Time(0), 1, _world.Cards.Pseudonym(Card(household)), ItemRule.FoodParcel, 1,
                _world.Cards.Pseudonym(Card(n1)), _world.Cards.Pseudonym(Card(n2))));

        public Kiosk Undo(uint target) => Add(JournalRecord.Undo(Time(0), 1, target));

        public Kiosk Add(JournalRecord record)
        {
            Read(Journal.Append(record));
            return this;
        }

        public Kiosk Sign()
        {
            uint before = Journal.Records;
            Journal.Checkpoint(Time(0), JournalRecord.CheckpointRequested);
            var all = new Collector();
            JournalScan.Run(Storage, _ed, all);
            Bodies.Clear();
            Bodies.AddRange(all.Bodies);
            return this;
        }

        private uint Time(uint at) => at != 0 ? at : _now += 60;

        private sealed class Collector : IJournalReader
        {
            public readonly List<byte[]> Bodies = [];

            public void Read(JournalRecord record) => Bodies.Add(record.EncodeBody());
        }
    }
}
