using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skold.HostLink;

namespace Skold.Gateway;

/// <summary>
/// The gateway's local web service (docs/formats/gateway-http.md): the situation picture as a
/// page and as JSON, and POST /orders for `skold order send`. Meant for the council room's
/// laptops: it listens on localhost unless told otherwise, and needs no internet.
/// </summary>
public static class GatewayApp
{
    public static WebApplication Build(CouncilGateway gateway, NodePositions positions, string listen, Action<ILoggingBuilder>? logging = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://" + listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        logging?.Invoke(builder.Logging);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default));
        WebApplication app = builder.Build();

        app.MapGet("/", () => Results.Content(PicturePage.Render(Picture(gateway, positions)), "text/html; charset=utf-8"));
        app.MapGet("/fragment", () => Results.Content(PicturePage.Body(Picture(gateway, positions)), "text/html; charset=utf-8"));
        app.MapGet("/api/picture", () => Results.Json(Picture(gateway, positions), GatewayJsonContext.Default.Picture));
        app.MapPost("/orders", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            try
            {
                await request.Body.CopyToAsync(body);
            }
            catch (BadHttpRequestException e)
            {
                return Results.Json(new SubmitResponse(false, null, 1, e.Message), GatewayJsonContext.Default.SubmitResponse, statusCode: e.StatusCode);
            }
            string origin = request.Headers.TryGetValue("X-Skold-Origin", out var named) && named.Count > 0 ? "http " + named[0] : "http";
            SubmitResult result = gateway.Submit(OrderText.Unwrap(body.ToArray()), origin);
            var response = new SubmitResponse(result.Accepted, result.MessageId?.ToString("x8"), result.ReasonCode, result.Reason);
            return Results.Json(response, GatewayJsonContext.Default.SubmitResponse, statusCode: result.Accepted ? 202 : 422);
        });
        return app;
    }

    private static Picture Picture(CouncilGateway gateway, NodePositions positions) => SituationPicture.Build(gateway, positions, DateTimeOffset.UtcNow);

    /// <summary>Asks the node for a status frame now and then, so relay health shows the gateway's own node too.</summary>
    public static Timer PollStatus(NodeLink link, TimeSpan every) =>
        new(_ =>
        {
            if (link.Connected)
            {
                link.Send(new HostLinkFrame(HostLinkFrame.Ping, []));
            }
        }, null, every, every);
}
