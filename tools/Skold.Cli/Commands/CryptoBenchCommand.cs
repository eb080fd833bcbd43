using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using NSec.Cryptography;
using Skold.Crypto;
using Ed25519 = Skold.Crypto.Ed25519;

namespace Skold.Cli.Commands;

/// <summary>
/// `skold crypto bench`: verifies per second of the core's Ed25519 and of libsodium (through
/// NSec) on the same signatures, measured in alternating rounds in one process so both see
/// the same machine state, plus the field operations one verify and one sign cost.
/// </summary>
internal static class CryptoBenchCommand
{
    public static Command Create(CommandIO io)
    {
        var signatures = new Option<int>("--signatures") { Description = "Distinct keys and messages in the working set.", DefaultValueFactory = _ => 64 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating measurement rounds per implementation (the median is reported).", DefaultValueFactory = _ => 7 };
        var roundMilliseconds = new Option<int>("--round-ms") { Description = "Minimum length of one round.", DefaultValueFactory = _ => 300 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("bench", "Measures Ed25519 verification: the core against libsodium, side by side, and counts field operations per verify and per sign.");
        command.Options.Add(signatures);
        command.Options.Add(rounds);
        command.Options.Add(roundMilliseconds);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            int count = parseResult.GetValue(signatures);
            int roundCount = parseResult.GetValue(rounds);
            int minimumMs = parseResult.GetValue(roundMilliseconds);
            if (count < 1 || roundCount < 1 || minimumMs < 1)
            {
                io.Error.WriteLine("error: --signatures, --rounds and --round-ms must be positive");
                return 2;
            }
            BenchResult result = Measure(count, roundCount, minimumMs);
            if (parseResult.GetValue(json))
            {
                io.Output.WriteLine(JsonSerializer.Serialize(result, BenchJsonContext.Default.BenchResult));
            }
            else
            {
                Print(io.Output, result);
            }
            return 0;
        });
        return command;
    }

    public static BenchResult Measure(int count, int rounds, int minimumMs)
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        var random = new Random(1);
        var messages = new byte[count][];
        var signatures = new byte[count][];
        var rawKeys = new byte[count][];
        var keys = new NSec.Cryptography.PublicKey[count];
        for (int i = 0; i < count; i++)
        {
            // About the size of a signed council order.
            messages[i] = new byte[150];
            random.NextBytes(messages[i]);
            using var key = Key.Create(algorithm);
            signatures[i] = algorithm.Sign(key, messages[i]);
            keys[i] = key.PublicKey;
            rawKeys[i] = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        }
        var ed = new Ed25519();

        bool VerifyAllCore()
        {
            bool all = true;
            for (int i = 0; i < count; i++)
            {
                all &= ed.Verify(signatures[i], messages[i], rawKeys[i]);
            }
            return all;
        }

        bool VerifyAllLibsodium()
        {
            bool all = true;
            for (int i = 0; i < count; i++)
            {
                all &= algorithm.Verify(keys[i], messages[i], signatures[i]);
            }
            return all;
        }

        if (!VerifyAllCore() || !VerifyAllLibsodium())
        {
            throw new InvalidOperationException("a benchmark signature failed to verify");
        }

        FieldOperationCounter.Reset();
        VerifyAllCore();
        double verifyMultiplications = (double)FieldOperationCounter.Multiplications / count;
        double verifySquarings = (double)FieldOperationCounter.Squarings / count;

        byte[] seed = new byte[32];
        random.NextBytes(seed);
        FieldOperationCounter.Reset();
        Ed25519PrivateKey signingKey = ed.CreatePrivateKey(seed);
        long keyMultiplications = FieldOperationCounter.Multiplications;
        long keySquarings = FieldOperationCounter.Squarings;
        FieldOperationCounter.Reset();
        ed.Sign(signingKey, messages[0]);
        long signMultiplications = FieldOperationCounter.Multiplications;
        long signSquarings = FieldOperationCounter.Squarings;

        var coreRates = new List<double>();
        var sodiumRates = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            coreRates.Add(Rate(VerifyAllCore, count, minimumMs));
            sodiumRates.Add(Rate(VerifyAllLibsodium, count, minimumMs));
        }
        double core = Median(coreRates);
        double sodium = Median(sodiumRates);
        return new BenchResult(
            CoreVerifiesPerSecond: Math.Round(core, 1),
            LibsodiumVerifiesPerSecond: Math.Round(sodium, 1),
            LibsodiumOverCore: Math.Round(sodium / core, 2),
            VerifyFieldMultiplications: Math.Round(verifyMultiplications, 1),
            VerifyFieldSquarings: Math.Round(verifySquarings, 1),
            SignFieldMultiplications: signMultiplications,
            SignFieldSquarings: signSquarings,
            KeyFromSeedFieldMultiplications: keyMultiplications,
            KeyFromSeedFieldSquarings: keySquarings,
            Signatures: count,
            Rounds: rounds,
            Runtime: System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Processor: Environment.ProcessorCount + " logical cores, " + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture);
    }

    // Verifications per second over whole passes of the working set, for at least minimumMs.
    private static double Rate(Func<bool> pass, int perPass, int minimumMs)
    {
        long verifies = 0;
        var stopwatch = Stopwatch.StartNew();
        do
        {
            pass();
            verifies += perPass;
        }
        while (stopwatch.ElapsedMilliseconds < minimumMs);
        return verifies / stopwatch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void Print(TextWriter output, BenchResult r)
    {
        output.WriteLine($"Ed25519 verify, {r.Signatures} signatures of 150-byte messages, median of {r.Rounds} alternating rounds ({r.Runtime}, {r.Processor})");
        output.WriteLine($"  skold core (portable C#)   {r.CoreVerifiesPerSecond,12:N0} verifies/s");
        output.WriteLine($"  libsodium (NSec)           {r.LibsodiumVerifiesPerSecond,12:N0} verifies/s");
        output.WriteLine($"  ratio                      libsodium is {r.LibsodiumOverCore:N2}x the core's speed");
        output.WriteLine("Field operations (GF(2^255-19) multiplications + squarings):");
        output.WriteLine($"  per verify                 {r.VerifyFieldMultiplications,8:N1} + {r.VerifyFieldSquarings,8:N1} = {r.VerifyFieldMultiplications + r.VerifyFieldSquarings:N1}");
        output.WriteLine($"  per sign                   {r.SignFieldMultiplications,8:N0} + {r.SignFieldSquarings,8:N0} = {r.SignFieldMultiplications + r.SignFieldSquarings:N0}");
        output.WriteLine($"  per key from seed          {r.KeyFromSeedFieldMultiplications,8:N0} + {r.KeyFromSeedFieldSquarings,8:N0} = {r.KeyFromSeedFieldMultiplications + r.KeyFromSeedFieldSquarings:N0}");
    }
}

public sealed record BenchResult(
    double CoreVerifiesPerSecond,
    double LibsodiumVerifiesPerSecond,
    double LibsodiumOverCore,
    double VerifyFieldMultiplications,
    double VerifyFieldSquarings,
    long SignFieldMultiplications,
    long SignFieldSquarings,
    long KeyFromSeedFieldMultiplications,
    long KeyFromSeedFieldSquarings,
    int Signatures,
    int Rounds,
    string Runtime,
    string Processor);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
