using System.CommandLine;
using System.Text.Json;
using Skold.Crypto;

namespace Skold.Cli.Commands;

/// <summary>`skold crypto verify|sign|bench`: the core's Ed25519 from the command line.</summary>
internal static class CryptoCommand
{
    public static Command Create(CommandIO io)
    {
        var crypto = new Command("crypto", "Ed25519 signatures with the firmware's own implementation (the portable core).");
        crypto.Subcommands.Add(CreateVerify(io));
        crypto.Subcommands.Add(CreateSign(io));
        crypto.Subcommands.Add(CryptoBenchCommand.Create(io));
        return crypto;
    }

    private static Command CreateVerify(CommandIO io)
    {
        var command = new Command("verify",
            "Reads JSON lines {\"pk\":\"<hex>\",\"msg\":\"<hex>\",\"sig\":\"<hex>\"} on stdin and writes one line per input line: " +
            "true or false (libsodium's acceptance rules; a key or signature of the wrong length is false), or " +
            "\"error: <reason>\" for a line that is not such an object. Exit code 1 when any line was malformed.");
        command.SetAction(_ =>
        {
            var ed = new Ed25519();
            int malformed = JsonLines.Process(io.Input, io.Output, line =>
            {
                byte[] publicKey = JsonLines.Hex(line, "pk");
                byte[] message = JsonLines.Hex(line, "msg");
                byte[] signature = JsonLines.Hex(line, "sig");
                return ed.Verify(signature, message, publicKey) ? "true" : "false";
            });
            return malformed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command CreateSign(CommandIO io)
    {
        var seedOption = new Option<string>("--seed")
        {
            Description = "The 32-byte Ed25519 seed (RFC 8032 private key), as 64 hex digits.",
            Required = true,
        };
        var command = new Command("sign",
            "Reads JSON lines {\"msg\":\"<hex>\"} on stdin and writes the 64-byte signature of each as hex, one per line; " +
            "\"error: <reason>\" for a malformed line. Exit code 1 when any line was malformed.");
        command.Options.Add(seedOption);
        command.SetAction(parseResult =>
        {
            string seedHex = parseResult.GetValue(seedOption)!;
            byte[] seed;
            try
            {
                seed = Convert.FromHexString(seedHex);
            }
            catch (FormatException)
            {
                seed = [];
            }
            if (seed.Length != Ed25519.SeedSize)
            {
                io.Error.WriteLine("error: --seed must be 64 hex digits (32 bytes)");
                return 2;
            }
            var ed = new Ed25519();
            Ed25519PrivateKey key = ed.CreatePrivateKey(seed);
            Array.Clear(seed);
            try
            {
                int malformed = JsonLines.Process(io.Input, io.Output, line => Convert.ToHexStringLower(ed.Sign(key, JsonLines.Hex(line, "msg"))));
                return malformed == 0 ? 0 : 1;
            }
            finally
            {
                key.Clear();
            }
        });
        return command;
    }
}
