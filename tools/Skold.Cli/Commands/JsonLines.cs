using System.Text.Json;

namespace Skold.Cli.Commands;

/// <summary>
/// Runs a handler over JSON lines: one output line per input line, in order. A line the
/// handler cannot use becomes "error: reason" and the run goes on.
/// </summary>
internal static class JsonLines
{
    /// <summary>Returns the number of lines that were malformed.</summary>
    public static int Process(TextReader input, TextWriter output, Func<JsonElement, string> handle)
    {
        int malformed = 0;
        int lineNumber = 0;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            lineNumber++;
            string result;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedLineException("expected a JSON object");
                }
                result = handle(document.RootElement);
            }
            catch (JsonException e)
            {
                result = "error: line " + lineNumber + " is not valid JSON (" + FirstSentence(e.Message) + ")";
                malformed++;
            }
            catch (MalformedLineException e)
            {
                result = "error: line " + lineNumber + ": " + e.Message;
                malformed++;
            }
            output.WriteLine(result);
        }
        output.Flush();
        return malformed;
    }

    /// <summary>The bytes of a required hex string field.</summary>
    public static byte[] Hex(JsonElement line, string field)
    {
        if (!line.TryGetProperty(field, out JsonElement value))
        {
            throw new MalformedLineException($"missing field \"{field}\"");
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new MalformedLineException($"field \"{field}\" must be a hex string");
        }
        string text = value.GetString()!;
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new MalformedLineException($"field \"{field}\" is not hex (an even number of 0-9, a-f)");
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

internal sealed class MalformedLineException(string message) : Exception(message);
