using System.CommandLine;
using Skold.Cli.Demo;

namespace Skold.Cli.Commands;

/// <summary>`skold demo storm`: the whole system through one storm, on this computer, with no hardware.</summary>
internal static class DemoCommand
{
    public static Command Create(CommandIO io)
    {
        var command = new Command("demo", "Runs the whole system in a simulated town.");
        command.Subcommands.Add(Storm(io));
        return command;
    }

    private static Command Storm(CommandIO io)
    {
        var output = new Option<string>("--out") { Description = "Where to write the journals, plots, ledger and public page.", DefaultValueFactory = _ => "storm" };
        var seed = new Option<string>("--seed") { Description = "Seed for the town, the households and every key: the same seed gives the same storm (only the ledger's arrival times, and so its audit draw, follow the real clock).", DefaultValueFactory = _ => "1" };
        var households = new Option<string>("--households") { Description = "Households in the town (30..20000).", DefaultValueFactory = _ => "1000" };
        var hours = new Option<string>("--hours") { Description = "Hours without grid power (12..168).", DefaultValueFactory = _ => "48" };
        var nodes = new Option<string>("--nodes") { Description = "LoRa nodes in the town, the council's and the stations' included (10..100).", DefaultValueFactory = _ => "30" };
        var command = new Command("storm",
            "A storm in a simulated town: the council of 8 signs its orders (a forged one and one short of signatures are refused " +
            "everywhere), the LoRa mesh carries them with relays dropping out, three stations hand out battery packs and food on the real " +
            "kiosk (one loses power mid-write), station reports travel back, the grid returns, the kiosks sync to a ledger on SQLite (one " +
            "journal was tampered with and is caught), and the public log is checked proof by proof. Exit code 0 when every check passes.");
        foreach (Option option in new Option[] { output, seed, households, hours, nodes })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            var options = new StormOptions(
                parse.GetValue(output)!,
                CliInput.Integer(parse.GetValue(seed), "--seed", 0, int.MaxValue),
                CliInput.Integer(parse.GetValue(households), "--households", 30, 20_000),
                CliInput.Integer(parse.GetValue(hours), "--hours", 12, 168),
                CliInput.Integer(parse.GetValue(nodes), "--nodes", 10, 100));
            StormOutcome outcome = new StormScenario(options, io.Output).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            string report = outcome.Report();
            File.WriteAllText(Path.Combine(options.Out, StormOutcome.ReportFile), report);
            io.Output.WriteLine();
            io.Output.Write(report);
            return outcome.AllPassed ? 0 : 1;
        }));
        return command;
    }
}
