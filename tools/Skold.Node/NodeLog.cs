using System.Text.Json;

namespace Skold.Node;

/// <summary>Structured log: one JSON object per line ({"t_ms", "node", "event", ...fields}) for tools to read.</summary>
public sealed class NodeLog(TextWriter output)
{
    private readonly Lock _gate = new();

    public void Write(long nowMs, int node, string evt, params (string Name, object? Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("t_ms", nowMs);
            json.WriteNumber("node", node);
            json.WriteString("event", evt);
            foreach ((string name, object? value) in fields)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case int i:
                        json.WriteNumber(name, i);
                        break;
                    case long l:
                        json.WriteNumber(name, l);
                        break;
                    case bool b:
                        json.WriteBoolean(name, b);
                        break;
                    default:
                        json.WriteString(name, value.ToString());
                        break;
                }
            }
            json.WriteEndObject();
        }
        lock (_gate)
        {
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
