namespace Skold.Benchmarks.Heap;

/// <summary>One walk of a live graph in nanoCLR bytes: the total, by type, and the largest single block.</summary>
internal sealed class HeapCensus
{
    public Dictionary<string, (int Count, long Bytes)> ByType { get; } = new();

    public HashSet<string> Outside { get; } = new();

    public long StaticFieldBytes { get; set; }

    public long ObjectBytes { get; private set; }

    public int Objects { get; private set; }

    public long LargestBlock { get; private set; }

    public long Total => ObjectBytes + StaticFieldBytes;

    public void Add(string kind, long bytes)
    {
        ByType.TryGetValue(kind, out var entry);
        ByType[kind] = (entry.Count + 1, entry.Bytes + bytes);
        ObjectBytes += bytes;
        Objects++;
        LargestBlock = Math.Max(LargestBlock, bytes);
    }

    public IEnumerable<(string Kind, int Count, long Bytes)> Largest(int n) =>
        ByType.OrderByDescending(e => e.Value.Bytes).Take(n).Select(e => (e.Key, e.Value.Count, e.Value.Bytes));
}
