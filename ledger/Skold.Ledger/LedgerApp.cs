using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger.Checks;
using Skold.Ledger.Database;
using Skold.Ledger.Log;
using Skold.Ledger.Sync;
using Skold.Ledger.Web;

namespace Skold.Ledger;

/// <summary>
/// The ledger service: kiosk sync (docs/formats/sync.md), council orders, the public log as
/// C2SP tlog-tiles with JSON proofs, cross-station checks, and the public page.
/// </summary>
public static class LedgerApp
{
    public const int MaxUploadBytes = 1 << 20;

    public static WebApplication Build(LedgerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxUploadBytes);
        logging?.Invoke(builder.Logging);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, LedgerJsonContext.Default));

        var database = LedgerDatabase.Open(options.Database);
        PublicLog log = PublicLog.Open(database, new LedgerSigner(options.Origin, options.KeySeed));
        var sync = new SyncService(database, options.Registry, log);
        var checks = new CrossStationChecks(database, log.PublicPseudonym);

        WebApplication app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(database.Dispose);

        app.MapGet("/sync/{station:int}", (int station) => Guard(() => Results.Json(sync.Status(station), SyncJsonContext.Default.SyncStatus)));
        app.MapPost("/sync/{station:int}", async (int station, HttpRequest request) =>
        {
            SyncBatch? batch;
            try
            {
                batch = await JsonSerializer.DeserializeAsync(request.Body, SyncJsonContext.Default.SyncBatch);
            }
            catch (JsonException e)
            {
                return Error(400, "the upload is not a complete JSON batch (cut short?): " + e.Message + "; nothing was applied");
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
            {
                return Error(e.StatusCode, e.Message);
            }
            return batch is null ? Error(400, "an empty upload") : Guard(() => Results.Json(sync.Upload(station, batch), SyncJsonContext.Default.SyncResult));
        });

        app.MapPost("/orders", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            Order order;
            try
            {
                order = Order.Decode(body.ToArray());
            }
            catch (Skold.Codec.MalformedDataException e)
            {
                return Error(400, "not an order: " + e.Message);
            }
            // An Ed25519 instance keeps scratch state: one per request.
            PolicyCheck check = options.Registry.Check(order, new Ed25519());
            if (!check.Met)
            {
                return Error(422, "the order is not in force: " + check.Explain());
            }
            bool fresh = log.PublishOrder(order);
            return Results.Json(new OrderPublished(Convert.ToHexString(order.ComputeId()).ToLowerInvariant(), fresh), LedgerJsonContext.Default.OrderPublished);
        });

        app.MapGet("/checkpoint", () => Results.Text(log.Checkpoint, "text/plain; charset=utf-8"));
        app.MapGet("/log-key", () => Results.Text(log.VerifierKey + "\n", "text/plain; charset=utf-8"));
        app.MapGet("/tile/{**path}", (string path) =>
        {
            byte[]? tile = log.Tile(path);
            return tile is null ? Results.NotFound() : Results.Bytes(tile, "application/octet-stream");
        });
        app.MapGet("/proof/inclusion", (long index, long size) => Guard(() => Proof(log.InclusionProof(index, size))));
        app.MapGet("/proof/consistency", (long from, long to) => Guard(() => Proof(log.ConsistencyProof(from, to))));
        app.MapGet("/checks", () => Results.Json(checks.Run(LatestRules(database), log.Root), LedgerJsonContext.Default.CheckReport));
        app.MapGet("/", () => Results.Content(
            PublicPage.Render(database, options.Registry, log.Checkpoint, log.VerifierKey, checks.Run(LatestRules(database), log.Root), options.SuppressBelow),
            "text/html; charset=utf-8"));
        return app;
    }

    private static IResult Proof(byte[][] hashes) =>
        Results.Json(new ProofResponse(hashes.Select(Convert.ToBase64String).ToList()), LedgerJsonContext.Default.ProofResponse);

    private static Order? LatestRules(LedgerDatabase database)
    {
        using System.Data.Common.DbConnection connection = database.Connect();
        object? encoded = LedgerDatabase.Scalar(connection, null,
            "SELECT encoded FROM orders WHERE kind = @k ORDER BY sequence DESC LIMIT 1", ("@k", OrderKind.DistributionRules));
        return encoded is byte[] bytes ? Order.Decode(bytes) : null;
    }

    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (SyncRejected e)
        {
            return Error(e.Status, e.Message);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Error(400, e.Message);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new SyncError(message), SyncJsonContext.Default.SyncError, statusCode: status);
}

public sealed record ProofResponse(List<string> Proof);

public sealed record OrderPublished(string Id, bool Fresh);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProofResponse))]
[JsonSerializable(typeof(OrderPublished))]
[JsonSerializable(typeof(CheckReport))]
public sealed partial class LedgerJsonContext : JsonSerializerContext;
