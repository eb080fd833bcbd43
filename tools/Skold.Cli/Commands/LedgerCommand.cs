using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger;

namespace Skold.Cli.Commands;

/// <summary>`skold ledger serve|verify`: run the central ledger, and check it as a citizen would.</summary>
internal static class LedgerCommand
{
    public static Command Create(CommandIO io)
    {
        var command = new Command("ledger", "The central ledger: kiosks sync to it once the grid is back, and it publishes a verifiable public log.");
        command.Subcommands.Add(Serve(io));
        command.Subcommands.Add(LedgerVerifyCommand.Create(io));
        return command;
    }

    private static Command Serve(CommandIO io)
    {
        var db = new Option<string>("--db") { Description = "A SQLite file (created when missing) or a PostgreSQL connection string (Host=...;Database=...;Username=...).", Required = true };
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8080.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var registry = new Option<string>("--registry") { Description = "The council's genesis file: its registered stations may sync, its orders are published.", Required = true };
        var updates = new Option<string[]>("--update") { Description = "A registry update order in force (stations are registered this way); repeat in order.", AllowMultipleArgumentsPerToken = true };
        var key = new Option<string?>("--key") { Description = "The ledger's signing key file (hex seed; made when missing). Default: <db>.ledger-key for SQLite; required for PostgreSQL." };
        var origin = new Option<string?>("--origin") { Description = "The log's name in its checkpoints (default skold-ledger/<council id prefix>)." };
        var command = new Command("serve", "Runs the ledger until Ctrl+C.");
        foreach (Option option in new Option[] { db, urls, registry, updates, key, origin })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            var ed = new Ed25519();
            CouncilRegistry council = OrderFiles.Registry(parse.GetValue(registry)!, parse.GetValue(updates) ?? [], ed);
            string database = parse.GetValue(db)!;
            bool postgres = database.Contains("Host=", StringComparison.OrdinalIgnoreCase);
            string keyPath = parse.GetValue(key) ?? (postgres ? throw new UsageException("--key <file> is needed with PostgreSQL") : database + ".ledger-key");
            var options = new LedgerOptions
            {
                Database = database,
                Registry = council,
                KeySeed = CliInput.LoadOrCreateSecret(keyPath),
                Origin = parse.GetValue(origin) ?? DefaultOrigin(council),
                Urls = parse.GetValue(urls)!,
            };
            WebApplication app = LedgerApp.Build(options);
            app.Lifetime.ApplicationStarted.Register(() =>
                io.Output.WriteLine($"Ledger of {council.CouncilName} at {options.Urls} ({(postgres ? "PostgreSQL" : database)}); stations registered: {council.StationCount}. Ctrl+C stops it."));
            app.Run();
            return 0;
        }));
        return command;
    }

    public static string DefaultOrigin(CouncilRegistry council) => "skold-ledger/" + Convert.ToHexString(council.CouncilId, 0, 8).ToLowerInvariant();
}
