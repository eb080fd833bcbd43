using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Sim;

namespace Skold.Cli.Tests;

/// <summary>
/// meshtastic/firmware#8274, wired by hand: node 0 sends; nodes 1 (far, weak link) and 2 (near,
/// strong link) both hear it and hear each other; node 3 hears only node 2. Node 1 relays first
/// (far first, in both schemes). Meshtastic's rule then makes node 2 cancel, and node 3 never
/// gets the order. The covered-listeners rule keeps node 2 on air because node 3, which lists
/// node 2 in its beacon, is covered by no one else.
/// </summary>
[TestClass]
public class StrandingTests
{
    private static readonly LoRaModulation Sf9 = new(9, 125000, 5);

    // Who hears whom, and at what SNR (tenths of a dB); symmetric.
    private static readonly int[,] Snr =
    {
        { 0, -80, 120, 0 },
        { -80, 0, 40, 0 },
        { 120, 40, 0, 60 },
        { 0, 0, 60, 0 },
    };

    private sealed class Seeded(int seed) : IRandomSource
    {
        private readonly Random _random = new(seed);
        public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
    }

    private static bool NodeThreeGetsTheOrder(Func<IRebroadcastPolicy> policy)
    {
        var ed = new Ed25519();
        var keys = Enumerable.Range(0, 8).Select(i => ed.CreatePrivateKey(Enumerable.Repeat((byte)(i + 1), 32).ToArray())).ToArray();
        var members = keys.Select((k, i) => new CouncilMember("M" + i, i / 2, k.GetPublicKey(), 0, CouncilMember.Forever, false)).ToArray();
        var genesis = new Order(OrderKind.Genesis, 0, 1000, 0, new GenesisBody("Test", 1000, members, KindPolicy.Defaults()));
        var registry = CouncilRegistry.FromGenesis(genesis);
        var alert = new Order(OrderKind.Alert, 1, 1000, 600, new AlertBody(AlertBody.Warning, 0, "Storm"));
        byte[] message = registry.SigningMessage(alert);
        alert.SetSignature(0, ed.Sign(keys[0], message));
        alert.SetSignature(2, ed.Sign(keys[2], message));

        var engines = Enumerable.Range(0, 4).Select(i => new RelayEngine(
            new RelayConfig(i, Sf9, DutyCycleAccountant.ForFrequency(869_525_000, false)) { BeaconIntervalMs = 60_000, CouncilEpochOffsetMs = 1_000_000 },
            registry, policy(), new Seeded(i), new MemoryRelayStore(), ed, 0)).ToArray();
        var busyUntil = new long[4];
        bool injected = false;
        // Five minutes of beacons, then the order, then 30 seconds: flooding only, before any repair could start.
        for (long t = 0; t < 5 * 60_000 + 30_000; t += 10)
        {
            if (!injected && t >= 5 * 60_000)
            {
                engines[0].Originate(alert.Encode(), t);
                injected = true;
            }
            for (int i = 0; i < 4; i++)
            {
                if (busyUntil[i] > t)
                {
                    continue;
                }
                OutgoingFrame? frame = engines[i].Poll(t, false);
                if (frame is null)
                {
                    continue;
                }
                long end = t + frame.AirtimeMicroseconds / 1000;
                busyUntil[i] = end;
                for (int j = 0; j < 4; j++)
                {
                    if (Snr[i, j] != 0)
                    {
                        // Delivered whole at the end of the frame, as a radio would.
                        engines[j].Receive(frame.Data, 0, frame.Data.Length, Snr[i, j], end);
                    }
                }
            }
        }
        return engines[3].Held.Holds(Frame.MessageIdOf(alert.Encode()));
    }

    [TestMethod]
    public void MeshtasticStyleCancellingStrandsTheNodeBehind()
    {
        Assert.IsFalse(NodeThreeGetsTheOrder(() => new ManagedFloodingPolicy(Sf9.SymbolMicroseconds / 1000.0)));
    }

    [TestMethod]
    public void TheCoveredListenersRuleDoesNot()
    {
        Assert.IsTrue(NodeThreeGetsTheOrder(() => new CoverageRebroadcastPolicy(3 * 60_000, 0)));
    }
}
