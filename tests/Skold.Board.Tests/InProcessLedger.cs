using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skold.Board.Kiosk;
using Skold.Board.Sync;
using Skold.Codec;
using Skold.Ledger;
using Skold.Ledger.Sync;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

/// <summary>The central ledger service on SQLite in this process, and an ILedgerHttp over HttpClient as the board's adapter would be.</summary>
public sealed class InProcessLedger : ILedgerHttp, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _database = Path.Combine(Path.GetTempPath(), "skold-kiosk-sync-" + Guid.NewGuid().ToString("N") + ".db");

    public InProcessLedger(ProvisionedKiosk p)
    {
        _app = LedgerApp.Build(new LedgerOptions
        {
            Database = _database,
            Registry = p.Registry,
            KeySeed = Enumerable.Repeat((byte)77, 32).ToArray(),
            Origin = "ledger.storby.example/skold",
            Urls = "http://127.0.0.1:0",
        }, logging => logging.ClearProviders());
        _app.StartAsync().GetAwaiter().GetResult();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address + "/") };
    }

    public HttpClient Http { get; }

    public int Posts { get; private set; }

    /// <summary>Throws a network failure on this POST (1-based), as a Wi-Fi drop would.</summary>
    public int FailPost { get; set; }

    public int Get(string path, out string body)
    {
        using HttpResponseMessage response = Http.GetAsync(path).GetAwaiter().GetResult();
        body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return (int)response.StatusCode;
    }

    public int PostJson(string path, string json, out string body)
    {
        Posts++;
        if (Posts == FailPost)
        {
            throw new HttpRequestException("Wi-Fi dropped");
        }
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = Http.PostAsync(path, content).GetAwaiter().GetResult();
        body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return (int)response.StatusCode;
    }

    public SyncStatus Status(int station) =>
        JsonSerializer.Deserialize(Http.GetStringAsync($"sync/{station}").GetAwaiter().GetResult(), SyncJsonContext.Default.SyncStatus)!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}
