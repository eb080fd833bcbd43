using Skold.Mesh;

namespace Skold.Tests.Host;

/// <summary>Seeded randomness for relay engines in tests.</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
}

/// <summary>A relay's flash in memory; survives a simulated reboot when the same instance is passed again.</summary>
internal sealed class MemoryStore : IRelayStore
{
    public readonly List<long> Seen = [];
    public readonly List<byte[]> Orders = [];

    public void AppendSeen(long frameKey) => Seen.Add(frameKey);

    public void AppendOrder(byte[] message) => Orders.Add(message);

    public long[] LoadSeen(int maxCount) => Seen.TakeLast(maxCount).ToArray();

    public byte[][] LoadOrders() => Orders.ToArray();
}
