using System.CommandLine;
using Skold.Cli.Commands;

namespace Skold.Cli;

/// <summary>The `skold` command tree. Streams are passed in so tests can run it in-process.</summary>
public static class SkoldCommand
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Skold: firmware and host tools for a crisis network (council orders over LoRa, aid-station journals, public ledger).");
        var io = new CommandIO(input, output, error);
        root.Subcommands.Add(KeyCommand.Create(io));
        root.Subcommands.Add(CouncilCommand.Create(io));
        root.Subcommands.Add(OrderCommand.Create(io));
        root.Subcommands.Add(SimCommand.Create(io));
        root.Subcommands.Add(KioskCommand.Create(io));
        root.Subcommands.Add(JournalCommand.Create(io));
        root.Subcommands.Add(LedgerCommand.Create(io));
        root.Subcommands.Add(NodeCommand.Create(io));
        root.Subcommands.Add(GatewayCommand.Create(io));
        root.Subcommands.Add(ProvisionCommand.Create(io));
        root.Subcommands.Add(CryptoCommand.Create(io));
        root.Subcommands.Add(AirtimeCommand.Create(io));
        root.Subcommands.Add(DemoCommand.Create(io));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}

/// <summary>Where a command reads and writes.</summary>
public sealed record CommandIO(TextReader Input, TextWriter Output, TextWriter Error);
