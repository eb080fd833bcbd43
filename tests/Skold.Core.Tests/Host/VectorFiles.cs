using System.Text.Json;

namespace Skold.Tests.Host;

/// <summary>The copied public vectors under tests/vectors (see its README for sources).</summary>
internal static class VectorFiles
{
    public static JsonDocument Open(string relativePath)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "vectors", relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("test vector file missing; it should be copied from tests/vectors", path);
        }
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    public static byte[] Hex(JsonElement element, string property) => Convert.FromHexString(element.GetProperty(property).GetString()!);
}
