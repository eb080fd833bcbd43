using System.CommandLine;
using Skold.Cli.Station;
using Skold.Station;

namespace Skold.Cli.Commands;

/// <summary>`skold kiosk practice|simulate`: the station kiosk's real state machine on the host.</summary>
internal static class KioskCommand
{
    public static Command Create(CommandIO io)
    {
        var command = new Command("kiosk", "The station kiosk on this computer: practise a shift, or simulate days of hand-outs into a journal.");
        command.Subcommands.Add(Practice(io));
        command.Subcommands.Add(Simulate(io));
        command.Subcommands.Add(Sync(io));
        return command;
    }

    private static Option<string> JournalOption() => new("--journal") { Description = "The journal file (created, 2 MiB of erased flash, when missing).", Required = true };

    private static Option<string?> StationOption() => new("--station") { Description = "The station file (default: <journal>.station.json; a practice station is made when neither exists)." };

    private static Option<string?> TimeOption() => new("--time") { Description = "The kiosk clock at the start, e.g. 2026-11-24T08:00Z (default: now)." };

    private static Command Practice(CommandIO io)
    {
        var journal = JournalOption();
        var station = StationOption();
        var script = new Option<string?>("--script") { Description = "Keys to replay instead of the keyboard: whitespace is ignored, // starts a comment, `wait 5m` moves the clock, each line's screen is printed." };
        var time = TimeOption();
        var english = new Option<bool>("--english") { Description = "Start in English (D on the login screen switches)." };
        var rules = new Option<string?>("--rules") { Description = "A signed DISTRIBUTION_RULES order to put in force (checked against --registry; kept in the station file)." };
        var registry = new Option<string?>("--registry") { Description = "The council's genesis file, to check --rules." };
        var updates = new Option<string[]>("--update") { Description = "A registry update order in force; repeat in order.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("practice",
            "Practise a shift on the kiosk in the terminal: the keyboard is the keypad (0-9, A-D, * back, # or Enter OK, Backspace *), q quits. " +
            "Practice station: operator 1 PIN 1234, operator 2 PIN 5678; household cards are 6-12 digits with a Luhn check digit (e.g. 1000009, 2000008).");
        foreach (Option option in new Option[] { journal, station, script, time, english, rules, registry, updates })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string? scriptPath = parse.GetValue(script);
            uint start = CliInput.Time(parse.GetValue(time), "--time");
            Func<StationFile, bool, StationFile>? change = parse.GetValue(rules) is { } rulesPath
                ? CouncilRules(rulesPath, parse.GetValue(registry), parse.GetValue(updates) ?? [])
                : null;
            using StationSession session = StationSession.Open(parse.GetValue(journal)!, parse.GetValue(station), start, StationFile.SystemRandom, change);
            if (session.CreatedStation)
            {
                io.Output.WriteLine("A practice station was made: operator 1 PIN 1234, operator 2 PIN 5678.");
            }
            var driver = new KioskDriver(session.Kiosk, start);
            if (parse.GetValue(english))
            {
                driver.Type("D");
            }
            driver.Draw(io.Output);
            if (scriptPath is not null)
            {
                RunScript(driver, File.ReadAllLines(scriptPath), io.Output);
            }
            else if (ReferenceEquals(io.Input, Console.In) && !Console.IsInputRedirected)
            {
                RunKeyboard(driver, io.Output);
            }
            else
            {
                RunScript(driver, ReadLines(io.Input), io.Output);
            }
            session.Kiosk.Shutdown(driver.Now);
            io.Output.WriteLine($"Journal {parse.GetValue(journal)}: {session.Journal.Records} records, {session.Journal.UsedPercent}% full, head signed.");
            return 0;
        }));
        return command;
    }

    // Checks a rules order against the council and returns how it amends the station file.
    private static Func<StationFile, bool, StationFile> CouncilRules(string path, string? genesis, string[] updates)
    {
        var ed = new Skold.Crypto.Ed25519();
        Skold.Council.Order order = OrderFiles.Read(path);
        if (order.Kind != Skold.Council.OrderKind.DistributionRules)
        {
            throw new UsageException($"{path} is a {Skold.Council.OrderKind.Name(order.Kind)} order, not distribution-rules");
        }
        Skold.Council.CouncilRegistry council = OrderFiles.RegistryFor(order, genesis, updates, ed, "put in force");
        Skold.Council.PolicyCheck check = council.Check(order, ed);
        if (!check.Met)
        {
            throw new UsageException($"{path} is not in force: {check.Explain()}");
        }
        string councilId = Convert.ToHexString(council.CouncilId).ToLowerInvariant();
        return (file, created) =>
        {
            if (!created && file.CouncilId != councilId)
            {
                throw new UsageException($"{path} is from another council than this station's");
            }
            return file with { CouncilId = councilId, RulesOrder = OrderFiles.ToText(order) };
        };
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            yield return line;
        }
    }

    private static void RunScript(KioskDriver driver, IEnumerable<string> lines, TextWriter output)
    {
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Split("//")[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("wait ", StringComparison.Ordinal))
            {
                int minutes = CliInput.Minutes(line[5..].Trim(), $"line {number}: wait");
                driver.Wait((uint)minutes * 60);
                output.WriteLine($"({line})");
                driver.Draw(output);
                continue;
            }
            foreach (char c in line)
            {
                if (!char.IsWhiteSpace(c) && !KioskDriver.IsKey(char.ToUpperInvariant(c)))
                {
                    throw new UsageException($"script line {number}: '{c}' is not a keypad key (0-9, A-D, *, #)");
                }
            }
            driver.Type(line);
            output.WriteLine("> " + line);
            driver.Draw(output);
        }
    }

    private static void RunKeyboard(KioskDriver driver, TextWriter output)
    {
        while (true)
        {
            ConsoleKeyInfo info = Console.ReadKey(true);
            char key = info.Key switch
            {
                ConsoleKey.Enter => '#',
                ConsoleKey.Backspace => '*',
                ConsoleKey.Escape => 'q',
                _ => char.ToUpperInvariant(info.KeyChar),
            };
            if (key == 'Q')
            {
                return;
            }
            if (!KioskDriver.IsKey(key))
            {
                continue;
            }
            driver.Wait(0);
            driver.Type(key.ToString());
            Console.Clear();
            driver.Draw(output);
        }
    }

    private static Command Sync(CommandIO io)
    {
        var journal = new Option<string>("--journal") { Description = "The kiosk's journal file.", Required = true };
        var station = StationOption();
        var ledger = new Option<string>("--ledger") { Description = "The ledger's address, e.g. http://127.0.0.1:8080.", Required = true };
        var batch = new Option<string>("--batch") { Description = "Records per upload (1..256).", DefaultValueFactory = _ => JournalUploader.DefaultBatch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var command = new Command("sync",
            "Sends the journal to the ledger once the grid is back, as the kiosk does: signs the head, asks how far the ledger holds it, " +
            "uploads the rest in small batches and resumes after a cut. The journal is kept whole.");
        foreach (Option option in new Option[] { journal, station, ledger, batch })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string journalPath = parse.GetValue(journal)!;
            if (!File.Exists(journalPath))
            {
                throw new UsageException($"{journalPath}: no such journal");
            }
            int batchSize = CliInput.Integer(parse.GetValue(batch), "--batch", 1, Skold.Ledger.Sync.SyncService.MaxRecordsPerBatch);
            uint now = CliInput.Time(null, "now");
            using (StationSession session = StationSession.Open(journalPath, parse.GetValue(station), now, StationFile.SystemRandom))
            {
                session.Journal.Checkpoint(now, JournalRecord.CheckpointRequested);
            }
            string address = parse.GetValue(ledger)!.TrimEnd('/') + "/";
            if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--ledger must be an http(s) address, not \"{parse.GetValue(ledger)}\"");
            }
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            try
            {
                UploadOutcome outcome = new JournalUploader(http, io.Error).UploadAsync(journalPath, batchSize, CancellationToken.None).GetAwaiter().GetResult();
                io.Output.WriteLine($"Station {outcome.Station}: the ledger holds all {outcome.Acknowledged} records (head {outcome.Head}). The journal is kept.");
                return 0;
            }
            catch (HttpRequestException e)
            {
                throw new UsageException($"the ledger at {baseAddress} did not answer ({e.Message}); nothing is lost: run sync again later");
            }
            catch (TaskCanceledException)
            {
                throw new UsageException($"the ledger at {baseAddress} took too long; nothing is lost: run sync again later");
            }
        }));
        return command;
    }

    private static Command Simulate(CommandIO io)
    {
        var journal = JournalOption();
        var station = StationOption();
        var records = new Option<string?>("--records") { Description = "Stop once the journal holds this many records. Required." };
        var seed = new Option<string>("--seed") { Description = "Seed for the households, their needs and the station's keys.", DefaultValueFactory = _ => "1" };
        var time = TimeOption();
        var command = new Command("simulate",
            "Drives the kiosk through realistic days of a station (about a thousand households; hand-outs, returns, quota refusals, " +
            "neighbour-verified exceptions, undo, deliveries, shift changes) and writes the journal.");
        foreach (Option option in new Option[] { journal, station, records, seed, time })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            int target = CliInput.Integer(parse.GetValue(records), "--records", 1, 1_000_000);
            int seedValue = CliInput.Integer(parse.GetValue(seed), "--seed", 0, int.MaxValue);
            uint start = parse.GetValue(time) is null ? 0 : CliInput.Time(parse.GetValue(time), "--time");
            string? stationPath = parse.GetValue(station);
            string journalPath = parse.GetValue(journal)!;
            if (start == 0)
            {
                // Reproducible by seed: the same day unless a time is given.
                start = CliInput.Time("2026-11-24T07:00:00Z", "--time");
            }
            using StationSession session = StationSession.Open(journalPath, stationPath, start, StationFile.SeededRandom(seedValue));
            // A journal that goes on continues after its last record: the kiosk refuses a clock that went back.
            start = Math.Max(start, session.Journal.LastTime + 60);
            var day = new StationDay(session, new Random(seedValue), start);
            day.Run(target);
            io.Output.WriteLine(day.Summary(journalPath));
            return 0;
        }));
        return command;
    }
}
