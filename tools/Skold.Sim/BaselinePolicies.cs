using Skold.Mesh;

namespace Skold.Sim;

/// <summary>Every node rebroadcasts every new message once, after a random delay of up to two airtimes.</summary>
public sealed class NaiveFloodingPolicy : IRebroadcastPolicy
{
    public bool StoreAndForward => false;

    public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random) =>
        random.Next((int)(2 * frameAirtimeMs) + 1);

    public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs) => false;
}

/// <summary>
/// Meshtastic's managed flooding for a client node, as its firmware computes it
/// (src/mesh/RadioInterface.cpp getTxDelayMsecWeighted, getCWsize, computeSlotTimeMsec;
/// src/mesh/FloodingRouter.cpp perhapsCancelDupe): slot = 2.5 symbol times + 7.6 ms; contention
/// window CW = map(SNR, -20..10 dB, 3..8), so weaker (farther) receivers draw from smaller
/// windows; delay = 2 CWmax slots + random(0, 2^CW) slots; a pending rebroadcast is cancelled as
/// soon as one duplicate is heard from anyone. No store-and-forward.
/// </summary>
public sealed class ManagedFloodingPolicy(double symbolTimeMs) : IRebroadcastPolicy
{
    private const int CwMin = 3;
    private const int CwMax = 8;

    private readonly long _slotMs = (long)(2.5 * symbolTimeMs + 7.6);

    public bool StoreAndForward => false;

    public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random)
    {
        int snr = snrTenths / 10;
        int cw = CwMin + (snr + 20) * (CwMax - CwMin) / 30;
        cw = Math.Clamp(cw, 0, 10);
        return 2 * CwMax * _slotMs + random.Next(1 << cw) * _slotMs;
    }

    public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs) => transmitterCount >= 2;
}

/// <summary>The simulator's seeded randomness for an engine.</summary>
public sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
}
