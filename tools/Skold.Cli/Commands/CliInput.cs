using System.Security.Cryptography;
using System.Globalization;
using Skold.Council;

namespace Skold.Cli.Commands;

/// <summary>Parsing of the values people type: times, durations, number lists, passphrases.</summary>
internal static class CliInput
{
    public const string PassphraseVariable = "SKOLD_PASSPHRASE";

    /// <summary>"now", or an ISO 8601 time such as 2026-11-24T18:00Z (UTC unless an offset is given).</summary>
    public static uint Time(string? text, string option)
    {
        if (string.IsNullOrEmpty(text) || text == "now")
        {
            return SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            throw new UsageException($"{option}: \"{text}\" is not a time like 2026-11-24T18:00Z or \"now\"");
        }
        return SkoldTime.FromUnixSeconds(time.ToUnixTimeSeconds());
    }

    /// <summary>A required whole number in a range, from an option given as text.</summary>
    public static int Integer(string? text, string option, int min, int max)
    {
        if (text is null)
        {
            throw new UsageException($"{option} is required");
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException($"{option} must be a whole number {min}..{max}, not \"{text}\"");
        }
        return value;
    }

    public static string FormatIso(uint time) =>
        DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string FormatTime(uint time) => time == CouncilMember.Forever
        ? "no end"
        : DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time)).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A duration such as 90m, 24h or 2d, in minutes.</summary>
    public static int Minutes(string text, string option)
    {
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0)
        {
            long minutes = text[^1] switch { 'm' => value, 'h' => value * 60L, 'd' => value * 1440L, _ => -1 };
            if (minutes > 0 && minutes <= Order.MaxLifetimeMinutes)
            {
                return (int)minutes;
            }
        }
        throw new UsageException($"{option}: \"{text}\" is not a duration like 90m, 24h or 2d (at most {Order.MaxLifetimeMinutes} minutes)");
    }

    /// <summary>"1,4,7" as sorted distinct numbers 0..65535.</summary>
    public static int[] Numbers(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var numbers = new SortedSet<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > 65535)
            {
                throw new UsageException($"{option}: \"{part}\" is not a number 0..65535");
            }
            numbers.Add(n);
        }
        return [.. numbers];
    }

    /// <summary>The passphrase from a file's first line, the SKOLD_PASSPHRASE variable, or a prompt without echo.</summary>
    public static string Passphrase(string? file, CommandIO io, bool confirm)
    {
        if (file is not null)
        {
            string first = File.ReadLines(file).FirstOrDefault() ?? "";
            return Checked(first);
        }
        string? fromEnvironment = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Checked(fromEnvironment);
        }
        if (Console.IsInputRedirected || !ReferenceEquals(io.Input, Console.In))
        {
            throw new UsageException($"no passphrase: give --passphrase-file or set {PassphraseVariable}");
        }
        string passphrase = Prompt(io, "Passphrase: ");
        if (confirm && Prompt(io, "Same passphrase again: ") != passphrase)
        {
            throw new UsageException("the two passphrases differ");
        }
        return Checked(passphrase);
    }

    private static string Checked(string passphrase) => passphrase.Length >= 10
        ? passphrase
        : throw new UsageException("a passphrase needs at least 10 characters (a few words are easiest to remember)");

    private static string Prompt(CommandIO io, string prompt)
    {
        io.Error.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                io.Error.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    /// <summary>A 32-byte secret (a ledger's or a device's seed, a crisis key) from a hex file, made (readable by its owner only) when missing.</summary>
    public static byte[] LoadOrCreateSecret(string path)
    {
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var writer = new StreamWriter(path, options);
            writer.WriteLine(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
        }
        try
        {
            byte[] seed = Convert.FromHexString(File.ReadAllText(path).Trim());
            if (seed.Length == 32)
            {
                return seed;
            }
        }
        catch (FormatException)
        {
        }
        throw new UsageException($"{path} is not a key file (64 hex digits)");
    }
}

internal sealed class UsageException(string message) : Exception(message);
