using Skold.Mesh;

namespace Skold.Tests.Host;

/// <summary>Seeded randomness for relay engines in tests.</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
}

