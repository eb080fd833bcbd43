using System.CommandLine;
using Skold.Transparency;

namespace Skold.Cli.Commands;

/// <summary>
/// `skold ledger verify`: a citizen's check of the public log. Downloads the signed checkpoint
/// and every entry, recomputes the Merkle root, checks the ledger's signature, and, given a
/// checkpoint saved by an earlier run, proves the log only grew since (and saves the new one).
/// </summary>
internal static class LedgerVerifyCommand
{
    public static Command Create(CommandIO io)
    {
        var url = new Option<string>("--url") { Description = "The ledger's address.", Required = true };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A file with the checkpoint from an earlier run: the log must be consistent with it. It is then replaced by the new one." };
        var key = new Option<string?>("--key") { Description = "The ledger's verifier key (name+id+key) to trust; default: the one saved with --checkpoint, else the one the ledger serves (trust on first use)." };
        var command = new Command("verify", "Checks the public log: signature, every entry against the root, and that history was not rewritten since a saved checkpoint. Exit code 0 when all holds, 1 when not.");
        command.Options.Add(url);
        command.Options.Add(checkpoint);
        command.Options.Add(key);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string address = parse.GetValue(url)!.TrimEnd('/') + "/";
            if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--url must be an http(s) address, not \"{parse.GetValue(url)}\"");
            }
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            try
            {
                return new LogAuditor(http, io.Output).Run(parse.GetValue(checkpoint), parse.GetValue(key)) ? 0 : 1;
            }
            catch (HttpRequestException e)
            {
                throw new UsageException($"the ledger at {baseAddress} did not answer as a log ({e.Message})");
            }
        }));
        return command;
    }
}
