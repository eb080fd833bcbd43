using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Cli;
using Skold.Cli.Commands;
using Skold.Council;
using Skold.Crypto;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 0)]

namespace Skold.Gateway.Tests;

/// <summary>
/// A council made once through the CLI, as the README makes it: eight members, a genesis signed
/// by six, station 3's device key registered by a registry update, and helpers to make and sign
/// orders.
/// </summary>
internal sealed class Council
{
    private static readonly Lazy<Council> Shared = new(() => new Council());
    private static readonly string[] Members = ["Anna:municipal", "Bo:municipal", "Cecilia:police-rescue", "David:police-rescue", "Elif:civil-society", "Farid:civil-society", "Greta:youth", "Åsa:youth"];
    private int _sequence;

    private Council()
    {
        Dir = Directory.CreateTempSubdirectory("skold-gateway-").FullName;
        File.WriteAllText(Path("pass"), "correct horse battery staple\n");
        for (int i = 0; i < Members.Length; i++)
        {
            string[] parts = Members[i].Split(':');
            Ok("key", "new", "--name", parts[0], "--group", parts[1], "--out", Path("m" + i), "--passphrase-file", Path("pass"), "--kdf-iterations", "100000");
        }
        Ok(["council", "init", "--name", "Storby samordningsråd", "--fund-sek", "10000000", "--created", "2026-11-24T00:00Z", "--out", Path("council.genesis"),
            "--member", .. Enumerable.Range(0, 8).Select(i => Path("m" + i + ".pub"))]);
        foreach (int signer in new[] { 0, 2, 4, 6, 1, 3 })
        {
            Ok("order", "sign", Path("council.genesis"), "--key", Path("m" + signer + ".key"), "--passphrase-file", Path("pass"));
        }
        StationKeyFile = Path("kiosk3.key");
        byte[] seed = CliInput.LoadOrCreateSecret(StationKeyFile);
        string publicKey = Convert.ToHexStringLower(new Ed25519().CreatePrivateKey(seed).GetPublicKey());
        Ok("order", "new", "--kind", "registry-update", "--seq", "1", "--after", "0", "--created", "2026-11-24T02:00Z", "--station", "3=" + publicKey, "--out", Path("stations.order"));
        foreach (int signer in new[] { 0, 1, 2, 3, 4, 6 })
        {
            Sign("stations.order", signer);
        }
        Registry = OrderFiles.Registry(Path("council.genesis"), [Path("stations.order")], new Ed25519());
    }

    public static Council Get() => Shared.Value;

    public string Dir { get; }

    public string StationKeyFile { get; }

    /// <summary>The registry with station 3 registered.</summary>
    public CouncilRegistry Registry { get; }

    public string Path(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>A fresh alert (a sequence number no other test uses), signed by the given members; its file name.</summary>
    public string Alert(string text, params int[] signers)
    {
        int sequence = Interlocked.Increment(ref _sequence);
        string file = $"alert-{sequence}.order";
        Ok("order", "new", "--kind", "alert", "--seq", sequence.ToString(), "--created", "now", "--lifetime", "24h", "--text", text, "--out", Path(file));
        foreach (int signer in signers)
        {
            Sign(file, signer);
        }
        return file;
    }

    public void Sign(string file, int member) =>
        Ok("order", "sign", Path(file), "--key", Path("m" + member + ".key"), "--registry", Path("council.genesis"), "--passphrase-file", Path("pass"));

    public static (int ExitCode, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = SkoldCommand.Run(args, new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void Ok(params string[] args)
    {
        var (exitCode, output, error) = Cli(args);
        Assert.AreEqual(0, exitCode, $"skold {string.Join(' ', args)}: {output}{error}");
    }
}
