using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Skold.Council;
using Skold.Crypto;
using Skold.Gateway;

namespace Skold.Cli.Commands;

/// <summary>`skold gateway`: the council's gateway to the mesh, and `skold order send` to give it an order.</summary>
internal static class GatewayCommand
{
    public const string DefaultGateway = "http://127.0.0.1:8080";

    public static Command Create(CommandIO io)
    {
        var port = new Option<string>("--port") { Description = "The node's host link: a serial device (/dev/ttyUSB0, /dev/ttyACM0, COM3) or the Unix socket of `skold node run --host-link`. Prefix unix: or serial: to say which.", Required = true };
        var baud = new Option<string>("--baud") { Description = "Serial speed.", DefaultValueFactory = _ => SerialPortConnector.DefaultBaudRate.ToString() };
        var registry = new Option<string>("--registry") { Description = "The council's genesis file: every order is checked against it before it goes to the node.", Required = true };
        var updates = new Option<string[]>("--update") { Description = "A registry update order in force (station keys, members); repeat in order.", AllowMultipleArgumentsPerToken = true };
        var db = new Option<string>("--db") { Description = "The gateway's SQLite file (created when missing; reopened after a restart).", DefaultValueFactory = _ => "gateway.db" };
        var listen = new Option<string>("--listen") { Description = "Where the situation picture and POST /orders listen (host:port).", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var outbox = new Option<string?>("--outbox") { Description = "A folder to watch: order files dropped there are checked and sent, then moved to sent/ or refused/." };
        var positions = new Option<string?>("--positions") { Description = "Node positions for the map (docs/formats/positions.md)." };
        var command = new Command("gateway", "The council's gateway: keeps the link to a node (reconnecting when the cable is pulled), checks every order against the council's policy " +
            "before it goes on air, keeps what the mesh reports in SQLite, and serves the situation picture on localhost. Runs until Ctrl+C.");
        foreach (Option option in new Option[] { port, baud, registry, updates, db, listen, outbox, positions })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            var ed = new Ed25519();
            CouncilRegistry council = OrderFiles.Registry(parse.GetValue(registry)!, parse.GetValue(updates) ?? [], ed);
            NodePositions map;
            try
            {
                map = parse.GetValue(positions) is { } file ? NodePositions.Load(file) : NodePositions.Empty;
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
            string where = parse.GetValue(listen)!;
            var log = Log(io);
            var options = new GatewayHostOptions
            {
                Connector = GatewayHost.Connector(parse.GetValue(port)!, CliInput.Integer(parse.GetValue(baud), "--baud", 1200, 4_000_000)),
                Registry = council,
                Database = parse.GetValue(db)!,
                Listen = where,
                Outbox = parse.GetValue(outbox),
                Positions = map,
            };
            GatewayHost host = GatewayHost.Create(options, log);
            try
            {
                host.App.Lifetime.ApplicationStarted.Register(() =>
                    log($"gateway of {council.CouncilName}: situation picture at http://{where}/ ; send orders with `skold order send FILE --gateway http://{where}`. Ctrl+C stops it."));
                host.App.Run();
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return 0;
        }));
        return command;
    }

    /// <summary>`skold order send FILE`: hands an order to the running gateway, which checks it and sends it on.</summary>
    public static Command Send(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "The signed order (binary or skold-order: text)." };
        var gateway = new Option<string>("--gateway") { Description = "The running gateway's address.", DefaultValueFactory = _ => DefaultGateway };
        var command = new Command("send", "Gives a signed order to the running `skold gateway`, which checks it against the council's policy and sends it into the mesh. " +
            "Exit code 0 when it was sent, 1 when the gateway refused it (the reason is printed), 2 when the gateway cannot be reached.");
        command.Arguments.Add(file);
        command.Options.Add(gateway);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            byte[] data = OrderFiles.Read(parse.GetValue(file)!).Encode();
            string baseUrl = parse.GetValue(gateway)!.TrimEnd('/');
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var content = new ByteArrayContent(data);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.Add("X-Skold-Origin", Path.GetFileName(parse.GetValue(file)!));
            HttpResponseMessage response;
            try
            {
                response = http.PostAsync(baseUrl + "/orders", content).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
            {
                throw new UsageException($"cannot reach the gateway at {baseUrl}: {e.Message} (is `skold gateway` running?)");
            }
            string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            SubmitResponse? answer;
            try
            {
                answer = JsonSerializer.Deserialize(body, GatewayJsonContext.Default.SubmitResponse);
            }
            catch (JsonException)
            {
                answer = null;
            }
            if (answer is null)
            {
                throw new UsageException($"the gateway at {baseUrl} answered {(int)response.StatusCode} without a verdict: {body}");
            }
            if (answer.Accepted)
            {
                io.Output.WriteLine($"sent: order {answer.Id}: {answer.Reason}");
                return 0;
            }
            io.Output.WriteLine($"REFUSED by the gateway, not sent: {answer.Reason}");
            return 1;
        }));
        return command;
    }

    private static Action<string> Log(CommandIO io)
    {
        var gate = new Lock();
        return message =>
        {
            lock (gate)
            {
                io.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
                io.Error.Flush();
            }
        };
    }
}
