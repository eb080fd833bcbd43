using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Skold.Cli.Commands;
using Skold.Cli.Station;
using Skold.Council;
using Skold.Crypto;
using Skold.Ledger;
using Skold.Ledger.Checks;
using Skold.Ledger.Sync;
using Skold.Mesh;
using Skold.Sim;
using Skold.Station;

namespace Skold.Cli.Demo;

/// <summary>What to run: the town, how long the grid is down, and where to write.</summary>
public sealed record StormOptions(string Out, int Seed = 1, int Households = 1000, int Hours = 48, int Nodes = 30)
{
    public const int Stations = 3;

    /// <summary>The storm starts at 06:00 local time (UTC+1) on a winter morning.</summary>
    public static readonly DateTimeOffset Start = new(2027, 1, 15, 5, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// The storm end to end, every part real: the council signs, the simulated mesh runs the relay
/// engine on every node, kiosks run their state machine and journal on files, reports travel
/// back, the grid returns, kiosks sync to a ledger on SQLite over HTTP, and the public log is
/// checked as a citizen would. Every outcome that must hold is a Check in the outcome.
/// </summary>
public sealed class StormScenario(StormOptions options, TextWriter progress)
{
    private const int ReportEveryHours = 6;
    private const double PowerCutAtHour = 9.5;
    private readonly Ed25519 _ed = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StormOutcome _outcome = new();
    private readonly uint _start = SkoldTime.FromUnixSeconds(StormOptions.Start.ToUnixTimeSeconds());

    private StormOptions Options => options;

    private string Folder(string name) => Path.Combine(options.Out, name);

    public async Task<StormOutcome> RunAsync(CancellationToken cancel)
    {
        PrepareOutput();
        var stationKeys = Enumerable.Range(1, StormOptions.Stations)
            .Select(s => _ed.CreatePrivateKey(StormCouncil.SeedFor(options.Seed, "station-" + s))).ToArray();
        StormCouncil council = SignOrders(stationKeys);
        Kiosks kiosks = new(this, council, stationKeys);
        Simulator sim = RunOutage(council, kiosks);
        await GridReturnsAsync(council, kiosks, sim, cancel);
        _outcome.Paths.Add(("report", Path.Combine(options.Out, StormOutcome.ReportFile)));
        return _outcome;
    }

    private void PrepareOutput()
    {
        if (Directory.Exists(options.Out) && Directory.EnumerateFileSystemEntries(options.Out).Any())
        {
            if (!File.Exists(Path.Combine(options.Out, StormOutcome.ReportFile)))
            {
                throw new UsageException($"{options.Out} holds other files: give an empty or new folder with --out");
            }
            Directory.Delete(options.Out, true);
        }
        foreach (string name in new[] { "council", "journals", "plots", "ledger" })
        {
            Directory.CreateDirectory(Folder(name));
        }
    }

    private void Say(string text) => progress.WriteLine($"[{_clock.Elapsed.TotalSeconds,5:F1} s] {text}");

    private StormCouncil SignOrders(Ed25519PrivateKey[] stationKeys)
    {
        Say($"Council: 8 members in 4 groups; a storm at {StormOptions.Start:yyyy-MM-dd HH:mm}Z, {options.Hours} h without grid power");
        var council = new StormCouncil(_ed, options.Seed, _start, stationKeys.Select(k => k.GetPublicKey()).ToList());
        OrderFiles.Write(Path.Combine(Folder("council"), "genesis.order"), council.Genesis);
        _outcome.Add("the genesis meets its policy", council.Founding.Check(council.Genesis, _ed).Met, council.Founding.Check(council.Genesis, _ed).Explain());
        foreach (var (name, order) in council.InForce)
        {
            PolicyCheck check = council.Check(order);
            OrderFiles.Write(Path.Combine(Folder("council"), FileName(name)), order);
            _outcome.Add($"{name} meets its policy", check.Met, check.Explain());
            Say($"  signed {name}: {check.Explain()}");
        }
        foreach (var (name, order) in council.Refused)
        {
            PolicyCheck check = council.Check(order);
            OrderFiles.Write(Path.Combine(Folder("council"), FileName(name)), order);
            _outcome.Add($"the {name} is refused by the council's check", !check.Met, check.Explain());
            Say($"  refused {name}: {check.Explain()}");
        }
        _outcome.Paths.Add(("council orders", Folder("council")));
        return council;
    }

    private static string FileName(string orderName) =>
        new string(orderName.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-').Replace("--", "-") + ".order";

    private Simulator RunOutage(StormCouncil council, Kiosks kiosks)
    {
        Topology town = TopologyGenerator.Generate($"town:{options.Nodes}", options.Seed);
        int councilNode = town.CouncilIndex;
        int[] stationNodes = StationNodes(town);
        var random = new Random(options.Seed);
        int[] relays = Enumerable.Range(0, town.Nodes.Count).Where(i => i != councilNode && !stationNodes.Contains(i)).OrderBy(_ => random.Next()).Take(3).ToArray();
        double[][] windows = [[0.2, 3], [0.4, 5], [options.Hours * 0.45, options.Hours * 0.55]];
        town = town with
        {
            Offline = relays.Select((r, k) => new OfflineWindow { Id = town.Nodes[r].Id, FromS = windows[k][0] * 3600, UntilS = windows[k][1] * 3600 }).ToList(),
        };
        var injections = council.InForce.Select(o => (o.Order.Encode(), (double)(o.Order.Created - _start + 120))).ToList();
        var sim = new Simulator(town, new SimulationOptions { Seed = options.Seed, Hours = options.Hours + 1, CouncilEpochS = _start }, new SimulatedCouncil(council.Founding, injections));
        Say($"Mesh: {town.Nodes.Count} LoRa nodes at {town.Radio.FreqMhz} MHz SF{town.Radio.Sf}; council at {town.Nodes[councilNode].Id}, stations at {string.Join(", ", stationNodes.Select(i => town.Nodes[i].Id))}; " +
            $"relays {string.Join(", ", relays.Select(r => town.Nodes[r].Id))} go offline for a while");
        sim.Start();
        foreach (var (name, order) in council.Refused)
        {
            for (int i = 0; i < town.Nodes.Count; i++)
            {
                // Offered to every node, as if someone transmitted it everywhere at once.
                sim.Inject(i, order.Encode(), false, order.Created - _start + 120);
            }
        }

        var opened = new bool[StormOptions.Stations];
        uint[] needed = [Frame.MessageIdOf(council.Stations.Encode()), Frame.MessageIdOf(council.Teams.Encode()), Frame.MessageIdOf(council.Rules.Encode())];
        var reports = new List<(int Station, uint Id, int Hour)>();
        int nextReportHour = ReportEveryHours;
        for (int minute = 1; minute <= options.Hours * 60; minute++)
        {
            sim.RunUntil(minute * 60);
            for (int s = 0; s < StormOptions.Stations; s++)
            {
                if (!opened[s] && needed.All(id => sim.Holds(stationNodes[s], id)))
                {
                    opened[s] = true;
                    kiosks.Open(s + 1, _start + (uint)(minute * 60));
                    Say($"  station {s + 1} ({town.Nodes[stationNodes[s]].Id}) holds the registry update, team activation and rules after {minute} min: its kiosk opens");
                }
            }
            if (minute == nextReportHour * 60 || minute == options.Hours * 60)
            {
                uint now = _start + (uint)(minute * 60);
                kiosks.RunUntil(now);
                for (int s = 0; s < StormOptions.Stations; s++)
                {
                    if (opened[s])
                    {
                        byte[] report = kiosks.Report(s + 1, now, council.Registry);
                        sim.Inject(stationNodes[s], report, true, minute * 60);
                        reports.Add((s + 1, Frame.MessageIdOf(report), minute / 60));
                    }
                }
                Say($"  hour {minute / 60}: {kiosks.HandOuts} hand-outs so far; {reports.Count} station reports sent towards the council");
                nextReportHour += ReportEveryHours;
            }
        }
        sim.RunUntil((options.Hours + 1) * 3600);
        SimulationResult result = sim.Finish();

        for (int s = 0; s < StormOptions.Stations; s++)
        {
            _outcome.Add($"station {s + 1} received the rules and opened", opened[s], opened[s] ? "" : "the rules never reached it");
        }
        _outcome.DeliveryRatio = result.DeliveryRatio;
        _outcome.DeliveryFlooding = result.DeliveryRatioFlooding;
        _outcome.Transmissions = result.TotalTransmissions;
        _outcome.AirtimeMsPerOrder = result.AirtimeMsPerOrder;
        _outcome.LatencyP95S = result.LatencyMsP95 / 1000;
        _outcome.Nodes = result.Nodes;
        _outcome.Add("every node holds every order in force", result.DeliveryRatio >= 1,
            $"{result.DeliveryRatio:P1} of (node, order) pairs, {result.DeliveryRatioFlooding:P1} by flooding alone, {result.OfflineOrdersRecovered} caught up by nodes back from an outage");
        _outcome.Add("no duty-cycle breach", result.DutyCycleViolations == 0, $"{result.DutyCycleViolations} breaches");
        foreach (var (name, order) in council.Refused)
        {
            uint id = Frame.MessageIdOf(order.Encode());
            int holders = Enumerable.Range(0, town.Nodes.Count).Count(i => sim.Holds(i, id));
            long frames = sim.TransmissionsOf(id);
            _outcome.Add($"the {name} is refused by every node", holders == 0 && frames == 0, $"{holders} nodes hold it, {frames} frames carried it");
        }
        int reached = reports.Count(r => sim.HasReport(councilNode, r.Id));
        _outcome.ReportsSent = reports.Count;
        _outcome.ReportsReached = reached;
        // Reports are flooded once and not repaired (store-and-forward is for orders): one lost
        // on the way (a relay down, or a rebroadcast the covered-listeners rule cancelled) stays
        // lost until the next report carries the newer state. The council's picture must end
        // with every station's latest report.
        var missing = reports.Where(r => !sim.HasReport(councilNode, r.Id)).Select(r => $"station {r.Station} at hour {r.Hour}").ToList();
        var latestMissing = reports.GroupBy(r => r.Station).Select(g => g.Last()).Where(r => !sim.HasReport(councilNode, r.Id)).ToList();
        _outcome.Add("the council holds every station's latest report", latestMissing.Count == 0,
            $"{reached} of {reports.Count} reports arrived{(missing.Count > 0 ? "; lost on the way (reports are not repaired): " + string.Join(", ", missing) : "")}");
        File.WriteAllText(Path.Combine(Folder("plots"), "coverage-map.svg"), SvgPlots.CoverageMap(result));
        File.WriteAllText(Path.Combine(Folder("plots"), "delivery.svg"), SvgPlots.DeliveryOverTime(result));
        _outcome.Paths.Add(("plots", Folder("plots")));
        Say($"Mesh done: {result.DeliveryRatio:P1} delivered, {result.TotalTransmissions} frames in {options.Hours + 1} h, {reached}/{reports.Count} reports at the council");
        return sim;
    }

    // Stations sit at the town's station nodes; a small town without enough gets its farthest relays.
    private static int[] StationNodes(Topology town)
    {
        var chosen = Enumerable.Range(0, town.Nodes.Count).Where(i => town.Nodes[i].Role == "station").Take(StormOptions.Stations).ToList();
        SimNode council = town.Nodes[town.CouncilIndex];
        foreach (int i in Enumerable.Range(0, town.Nodes.Count)
            .Where(i => i != town.CouncilIndex && !chosen.Contains(i))
            .OrderByDescending(i => Math.Abs(town.Nodes[i].XM - council.XM)))
        {
            if (chosen.Count == StormOptions.Stations)
            {
                break;
            }
            chosen.Add(i);
        }
        return [.. chosen];
    }

    private async Task GridReturnsAsync(StormCouncil council, Kiosks kiosks, Simulator sim, CancellationToken cancel)
    {
        kiosks.Close(_start + (uint)(options.Hours * 3600));
        _outcome.HandOuts = kiosks.HandOuts;
        _outcome.Exceptions = kiosks.ExceptionsGiven;
        _outcome.Returns = kiosks.Returns;
        _outcome.Refusals = kiosks.Refusals;
        _outcome.Paths.Add(("journals", Folder("journals")));
        Say($"Grid is back after {options.Hours} h: {kiosks.HandOuts} hand-outs, {kiosks.ExceptionsGiven} neighbour-verified exceptions, {kiosks.Returns} battery packs returned, {kiosks.Refusals} refusals");

        string tampered = kiosks.JournalPath(StormOptions.Stations);
        uint changed = JournalTamper.RaiseHandOut(tampered, (uint)(kiosks.Records(StormOptions.Stations) / 2), 9);
        Say($"  someone edits station {StormOptions.Stations}'s journal file: hand-out record {changed} now says 9, links and CRCs rewritten to match");

        string database = Path.Combine(Folder("ledger"), "ledger.db");
        var ledgerOptions = new LedgerOptions
        {
            Database = database,
            Registry = council.Registry,
            KeySeed = StormCouncil.SeedFor(options.Seed, "ledger"),
            Origin = LedgerCommand.DefaultOrigin(council.Registry),
            Urls = "http://127.0.0.1:0",
        };
        WebApplication app = LedgerApp.Build(ledgerOptions, logging => logging.ClearProviders());
        await app.StartAsync(cancel);
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
            Say($"Ledger on SQLite ({database}) at {address}");
            await PublishOrdersAsync(http, council, cancel);
            await SyncAsync(http, kiosks, changed, cancel);
            await CheckLedgerAsync(http, cancel);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        _outcome.Paths.Add(("ledger database", database));
    }

    private async Task PublishOrdersAsync(HttpClient http, StormCouncil council, CancellationToken cancel)
    {
        foreach (var (name, order) in council.InForce)
        {
            using HttpResponseMessage response = await http.PostAsync("orders", new ByteArrayContent(order.Encode()), cancel);
            _outcome.Add($"the ledger publishes the {name}", response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }
        foreach (var (name, order) in council.Refused)
        {
            using HttpResponseMessage response = await http.PostAsync("orders", new ByteArrayContent(order.Encode()), cancel);
            string error = (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncError, cancel))?.Error ?? "";
            _outcome.Add($"the ledger refuses the {name}", (int)response.StatusCode == 422, $"HTTP {(int)response.StatusCode}: {error}");
        }
        Say($"  council orders published; the forged and the short one refused");
    }

    private async Task SyncAsync(HttpClient http, Kiosks kiosks, uint tamperedRecord, CancellationToken cancel)
    {
        for (int station = 1; station <= StormOptions.Stations; station++)
        {
            string path = kiosks.JournalPath(station);
            try
            {
                UploadOutcome upload = await new JournalUploader(http, TextWriter.Null).UploadAsync(path, JournalUploader.DefaultBatch, cancel);
                bool honest = station != StormOptions.Stations;
                _outcome.Add(honest ? $"station {station} syncs all its records" : $"station {station}'s tampered journal is caught",
                    honest && upload.Acknowledged == upload.Records, $"{upload.Acknowledged} of {upload.Records} records acknowledged");
                Say($"  station {station} synced: the ledger holds all {upload.Acknowledged} records");
            }
            catch (UsageException e)
            {
                bool expected = station == StormOptions.Stations;
                _outcome.Add(expected ? $"station {station}'s kiosk finds its tampered journal itself" : $"station {station} syncs all its records", expected, e.Message);
                Say($"  station {station}: {e.Message}");
                if (expected)
                {
                    await ForceTamperedUploadAsync(http, station, path, tamperedRecord, cancel);
                }
            }
        }
    }

    // A kiosk whose firmware was altered to skip its own check sends the file as it is: the
    // ledger must keep what the station key signed and refuse the rest.
    private async Task ForceTamperedUploadAsync(HttpClient http, int station, string path, uint tamperedRecord, CancellationToken cancel)
    {
        List<byte[]> bodies = JournalTamper.RawBodies(path);
        int[] kinds = bodies.Select(b => (int)b[0]).ToArray();
        string refusal = "";
        long acknowledged = (await http.GetFromJsonAsync($"sync/{station}", SyncJsonContext.Default.SyncStatus, cancel))!.Acknowledged;
        while (acknowledged < bodies.Count)
        {
            int from = (int)acknowledged;
            int end = UploadBatches.End(kinds, kinds.Length, from, JournalUploader.DefaultBatch);
            var batch = new SyncBatch(station, bodies.Skip(from).Take(end - from).Select(Convert.ToBase64String).ToList());
            using HttpResponseMessage response = await http.PostAsJsonAsync($"sync/{station}", batch, SyncJsonContext.Default.SyncBatch, cancel);
            if (!response.IsSuccessStatusCode)
            {
                refusal = (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncError, cancel))?.Error ?? response.ReasonPhrase ?? "";
                break;
            }
            SyncResult result = (await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.SyncResult, cancel))!;
            if (result.Acknowledged <= acknowledged)
            {
                refusal = $"records {from + 1}..{end} not acknowledged ({result.Unsigned} without a valid checkpoint)";
                break;
            }
            acknowledged = result.Acknowledged;
        }
        SyncStatus status = (await http.GetFromJsonAsync($"sync/{station}", SyncJsonContext.Default.SyncStatus, cancel))!;
        bool caught = status.Acknowledged < tamperedRecord && refusal.Length > 0;
        _outcome.TamperedKeptRecords = status.Acknowledged;
        _outcome.Add($"the ledger refuses station {station}'s tampered records", caught,
            $"it holds records 1..{status.Acknowledged} (signed before the edit at record {tamperedRecord}) and refused the rest: {refusal}");
        Say($"  station {station} with altered firmware uploads anyway: the ledger keeps records 1..{status.Acknowledged} and refuses the rest ({refusal})");
    }

    private async Task CheckLedgerAsync(HttpClient http, CancellationToken cancel)
    {
        CheckReport checks = (await http.GetFromJsonAsync("checks", LedgerJsonContext.Default.CheckReport, cancel))!;
        _outcome.OverQuota = checks.OverQuota.Count;
        _outcome.NotReturned = checks.NotReturned.Count;
        _outcome.AuditSample = checks.AuditSample.Count;
        _outcome.Conflicts = checks.Conflicts.Count;
        _outcome.Add("the cross-station check flags households over quota", checks.OverQuota.Count > 0, $"{checks.OverQuota.Count} flagged (households that went to two stations)");
        _outcome.Add("the audit draws exceptions to check by hand", checks.AuditSample.Count > 0, $"{checks.AuditSample.Count} drawn with seed {checks.AuditSeed}");
        Say($"  cross-station checks: {checks.OverQuota.Count} over quota, {checks.NotReturned.Count} battery packs not returned, {checks.AuditSample.Count} exceptions drawn for audit, {checks.Conflicts.Count} conflicts");

        var log = new StringWriter();
        var auditor = new LogAuditor(http, log);
        bool verified = auditor.Run(Path.Combine(Folder("ledger"), "checkpoint.txt"), null);
        _outcome.Add("the public log verifies (signature, every entry, root)", verified, log.ToString().Trim().Split('\n').Last());
        string key = (await http.GetStringAsync("log-key", cancel)).Trim();
        (long proofs, long failed) = auditor.CheckEveryInclusionProof(key);
        _outcome.InclusionProofs = proofs;
        _outcome.Add("every inclusion proof leads to the signed root", failed == 0 && proofs > 0, $"{proofs} proofs checked, {failed} failed");
        Say($"  public log: {log.ToString().Trim().Split('\n').Last()}; {proofs} inclusion proofs checked, {failed} failed");

        string page = await http.GetStringAsync("", cancel);
        string pagePath = Path.Combine(options.Out, "public-ledger.html");
        File.WriteAllText(pagePath, page);
        _outcome.Paths.Add(("public page", pagePath));
    }

    /// <summary>The stations' kiosks: journals on files, the real state machine, households played through the keypad.</summary>
    private sealed class Kiosks(StormScenario scenario, StormCouncil council, Ed25519PrivateKey[] stationKeys)
    {
        private static readonly string[] Names = ["Ålidhem school", "Town hall", "Sports hall"];
        private readonly Dictionary<int, Running> _running = [];
        private readonly byte[] _crisisKey = StormCouncil.SeedFor(scenario.Options.Seed, "crisis-key");
        private bool _powerCutDone;

        public int HandOuts => _running.Values.Sum(r => r.Day.HandOuts);

        public int ExceptionsGiven => _running.Values.Sum(r => r.Day.Exceptions);

        public int Returns => _running.Values.Sum(r => r.Day.Returns);

        public int Refusals => _running.Values.Sum(r => r.Day.Refusals.Values.Sum());

        public string JournalPath(int station) => Path.Combine(scenario.Folder("journals"), $"station-{station}.journal");

        public uint Records(int station) => _running[station].Records;

        public void Open(int station, uint now)
        {
            var file = StationFile.CreatePractice(now, StationFile.SeededRandom(scenario.Options.Seed * 100 + station), station) with
            {
                Name = Names[(station - 1) % Names.Length],
                StationSeed = Convert.ToHexString(StormCouncil.SeedFor(scenario.Options.Seed, "station-" + station)).ToLowerInvariant(),
                CrisisKey = Convert.ToHexString(_crisisKey).ToLowerInvariant(),
                CouncilId = Convert.ToHexString(council.Registry.CouncilId).ToLowerInvariant(),
                RulesOrder = OrderFiles.ToText(council.Rules),
            };
            file.Save(StationFile.DefaultPath(JournalPath(station)));
            var running = new Running(station, JournalPath(station), scenario.Options.Seed);
            running.Start(now, Households(station));
            _running[station] = running;
        }

        // Each household belongs to one station; one in twenty-five also tries the next station.
        private List<int> Households(int station)
        {
            int total = scenario.Options.Households;
            var mine = Enumerable.Range(0, total).Where(h => h % StormOptions.Stations == station - 1).ToList();
            mine.AddRange(Enumerable.Range(0, total).Where(h => h % 25 == 0 && (h + 1) % StormOptions.Stations == station - 1));
            var random = new Random(scenario.Options.Seed * 31 + station);
            return [.. mine.OrderBy(_ => random.Next())];
        }

        public void RunUntil(uint until)
        {
            foreach (Running running in _running.Values)
            {
                if (running.Station == 2 && !_powerCutDone)
                {
                    uint cutAt = scenario._start + (uint)(PowerCutAtHour * 3600);
                    if (until > cutAt)
                    {
                        running.Day.RunUntil(cutAt);
                        PowerCut(running);
                        _powerCutDone = true;
                    }
                }
                running.Day.RunUntil(until);
            }
        }

        private void PowerCut(Running running)
        {
            uint before = running.Records;
            running.Storage!.Arm(20);
            try
            {
                running.Day.RunUntil(running.Day.Now + 3600);
                scenario._outcome.Add("the power cut at station 2 happens mid-write", false, "no write was cut within the hour");
                return;
            }
            catch (PowerCutException)
            {
            }
            uint confirmed = running.Records;
            uint now = running.Day.Now + 180;
            running.Session!.Dispose();
            JournalScan scan;
            using (FileJournalStorage file = FileJournalStorage.OpenReadOnly(running.JournalPath))
            {
                scan = JournalScan.Run(file, scenario._ed, null);
            }
            uint after = running.Reboot(now);
            scenario._outcome.Add("station 2 loses no committed record to a power cut mid-write", scan.TornTailBytes > 0 && after == confirmed && confirmed >= before,
                $"the cut left a torn entry of {scan.TornTailBytes} bytes; {confirmed} records committed when the power failed, {after} after the reboot");
            scenario.Say($"  power cut at station 2: a write torn after {scan.TornTailBytes} bytes; after the reboot {after} of {confirmed} committed records are there, the torn entry is discarded");
        }

        public byte[] Report(int station, uint now, CouncilRegistry registry)
        {
            Running running = _running[station];
            var report = StationReport.From(running.Session!.Book, running.Records, 3700 - (int)((now - scenario._start) / 3600) * 5, now);
            return StationReportSignature.Seal(registry, station, report.Encode(), stationKeys[station - 1], scenario._ed);
        }

        public void Close(uint now)
        {
            foreach (Running running in _running.Values)
            {
                running.Day.RunUntil(now);
                running.Day.End();
                running.Dispose();
            }
        }
    }

    private sealed class Running(int station, string journalPath, int seed)
    {
        public int Station => station;

        public StationSession? Session { get; private set; }

        public PowerCutStorage? Storage { get; private set; }

        public StationDay Day { get; private set; } = null!;

        public uint Records => Session!.Journal.Records;

        public void Start(uint now, List<int> households)
        {
            Open(now);
            Day = new StationDay(Session!, new Random(seed * 1000 + station), now, households);
            Day.Begin();
        }

        public string JournalPath => journalPath;

        /// <summary>Opens the journal again after the power returns; returns the records it holds before anyone logs in.</summary>
        public uint Reboot(uint now)
        {
            Session!.Dispose();
            Open(now);
            uint records = Records;
            Day.Reboot(Session!, now);
            return records;
        }

        private void Open(uint now)
        {
            Session = StationSession.Open(journalPath, null, now, StationFile.SeededRandom(seed * 100 + station), null, storage => Storage = new PowerCutStorage(storage));
        }

        public void Dispose() => Session?.Dispose();
    }
}

/// <summary>What the storm showed: every check with its verdict, the numbers for the report, and the files written.</summary>
public sealed class StormOutcome
{
    public const string ReportFile = "storm-report.txt";

    public List<(string Name, bool Passed, string Detail)> Checks { get; } = [];

    public List<(string What, string Path)> Paths { get; } = [];

    public bool AllPassed => Checks.Count > 0 && Checks.All(c => c.Passed);

    public int Nodes { get; set; }

    public double DeliveryRatio { get; set; }

    public double DeliveryFlooding { get; set; }

    public long Transmissions { get; set; }

    public double AirtimeMsPerOrder { get; set; }

    public double LatencyP95S { get; set; }

    public int ReportsSent { get; set; }

    public int ReportsReached { get; set; }

    public int HandOuts { get; set; }

    public int Exceptions { get; set; }

    public int Returns { get; set; }

    public int Refusals { get; set; }

    public int OverQuota { get; set; }

    public int NotReturned { get; set; }

    public int AuditSample { get; set; }

    public int Conflicts { get; set; }

    public long InclusionProofs { get; set; }

    public long TamperedKeptRecords { get; set; }

    public void Add(string name, bool passed, string detail) => Checks.Add((name, passed, detail));

    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine("Storm report");
        text.AppendLine(string.Format(c, "  delivery   {0:P1} of (node, order) pairs on {1} nodes ({2:P1} by flooding alone), 95% within {3:F0} s", DeliveryRatio, Nodes, DeliveryFlooding, LatencyP95S));
        text.AppendLine(string.Format(c, "  airtime    {0:F1} s per order, {1} frames in all; station reports at the council {2} of {3}", AirtimeMsPerOrder / 1000, Transmissions, ReportsReached, ReportsSent));
        text.AppendLine(string.Format(c, "  hand-outs  {0} ({1} neighbour-verified exceptions), {2} battery packs returned, {3} refusals at the kiosks", HandOuts, Exceptions, Returns, Refusals));
        text.AppendLine(string.Format(c, "  flags      {0} households over quota across stations, {1} battery packs not returned, {2} exceptions drawn for audit, {3} conflicts", OverQuota, NotReturned, AuditSample, Conflicts));
        text.AppendLine(string.Format(c, "  checks     {0} of {1} passed", Checks.Count(x => x.Passed), Checks.Count));
        foreach (var (name, passed, detail) in Checks)
        {
            text.AppendLine($"    [{(passed ? "ok" : "FAILED")}] {name}{(detail.Length > 0 ? ": " + detail : "")}");
        }
        text.AppendLine(AllPassed ? "All checks passed." : "SOME CHECKS FAILED.");
        text.AppendLine("Written:");
        foreach (var (what, path) in Paths)
        {
            text.AppendLine($"  {what,-16} {path}");
        }
        return text.ToString();
    }
}
