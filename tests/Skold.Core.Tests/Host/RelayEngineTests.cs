using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Tests.Portable;

namespace Skold.Tests.Host;

/// <summary>The relay engine between a few nodes wired by hand: every frame one sends, the others hear.</summary>
[TestClass]
public class RelayEngineTests
{
    private static readonly LoRaModulation Sf9 = new(9, 125000, 5);
    private const long EpochOffsetMs = (TestCouncil.Now - 60) * 1000L;

    private static RelayEngine Engine(TestCouncil council, int id, MemoryRelayStore store, long nowMs, IRebroadcastPolicy? policy = null) =>
        new(new RelayConfig(id, Sf9, DutyCycleAccountant.ForFrequency(869_525_000, false)) { CouncilEpochOffsetMs = EpochOffsetMs },
            council.Registry, policy ?? new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0), new SeededRandom(id), store, council.Ed, nowMs);

    // Runs the engines for the given time; all hear each other at 5 dB SNR. Returns frames sent by type.
    private static int[] Run(RelayEngine?[] engines, long fromMs, long untilMs)
    {
        var sent = new int[FrameType.Count];
        for (long t = fromMs; t < untilMs; t += 50)
        {
            for (int i = 0; i < engines.Length; i++)
            {
                OutgoingFrame? frame = engines[i]?.Poll(t, false);
                if (frame is null)
                {
                    continue;
                }
                sent[frame.Type]++;
                for (int j = 0; j < engines.Length; j++)
                {
                    if (j != i)
                    {
                        engines[j]?.Receive(frame.Data, 0, frame.Data.Length, 50, t);
                    }
                }
            }
        }
        return sent;
    }

    [TestMethod]
    public void AnAuthenticOrderIsRelayedAndHeld()
    {
        var council = new TestCouncil();
        var engines = new RelayEngine?[] { Engine(council, 1, new MemoryRelayStore(), 0), Engine(council, 2, new MemoryRelayStore(), 0), Engine(council, 3, new MemoryRelayStore(), 0) };
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        Assert.IsTrue(engines[0]!.Originate(order, 1000));
        Run(engines, 1000, 60_000);
        uint id = Frame.MessageIdOf(order);
        Assert.IsTrue(engines.All(e => e!.Held.Holds(id)));
        Assert.AreEqual(1, engines[2]!.Council.Latest(OrderKind.Alert)!.Sequence, "the application sees the order too");
    }

    [TestMethod]
    public void ForgedOrUnderSignedOrdersCostNoAirtime()
    {
        var council = new TestCouncil();
        var a = Engine(council, 1, new MemoryRelayStore(), 0);
        var b = Engine(council, 2, new MemoryRelayStore(), 0);
        byte[] forged = council.Alert(1, "Falskt larm", [0, 2]).Encode();
        forged[^1] ^= 1;
        byte[] underSigned = council.Alert(2, "En underskrift", [0]).Encode();
        Assert.IsFalse(a.Originate(forged, 0));
        foreach (byte[] message in new[] { forged, underSigned })
        {
            foreach (Frame frame in Frame.Fragment(FrameType.Order, 5, 9, message))
            {
                byte[] data = frame.Encode();
                b.Receive(data, 0, data.Length, 30, 10);
            }
        }
        var sent = Run([a, b], 0, 30_000);
        Assert.AreEqual(0, sent[FrameType.Order], "nothing forged went back on air");
        Assert.AreEqual(2, b.Statistics.Rejected);
    }

    [TestMethod]
    public void StationReportsRelayOnlyWithARegisteredKey()
    {
        var council = new TestCouncil();
        var stationKey = council.Ed.CreatePrivateKey(TestCouncil.Seed("station", 7));
        var update = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 60, 600,
            new RegistryUpdateBody([RegistryOperation.Station(7, stationKey.GetPublicKey())]));
        council.SignBy(council.Registry, update, [0, 1, 2, 3, 4, 6]);
        var registry = council.Registry.Apply((RegistryUpdateBody)update.Body, 1);
        var relay = new RelayEngine(new RelayConfig(2, Sf9, DutyCycleAccountant.ForFrequency(869_525_000, false)) { CouncilEpochOffsetMs = EpochOffsetMs },
            registry, new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0), new SeededRandom(2), new MemoryRelayStore(), council.Ed, 0);

        byte[] genuine = StationReportSignature.Seal(registry, 7, [1, 2, 3, 4], stationKey, council.Ed);
        byte[] wrongStation = StationReportSignature.Seal(registry, 8, [1, 2, 3, 4], stationKey, council.Ed);
        foreach (byte[] report in new[] { genuine, wrongStation })
        {
            byte[] frame = Frame.Fragment(FrameType.Report, 5, 9, report)[0].Encode();
            relay.Receive(frame, 0, frame.Length, 30, 10);
        }
        var sent = Run([relay], 0, 60_000);
        Assert.AreEqual(1, sent[FrameType.Report], "only the registered station's report is relayed");
        Assert.AreEqual(1, relay.Statistics.Rejected);
    }

    [TestMethod]
    public void ANodeThatWasAwayGetsTheOrdersItMissedFromItsNeighbours()
    {
        var council = new TestCouncil();
        var engines = new RelayEngine?[] { Engine(council, 1, new MemoryRelayStore(), 0), Engine(council, 2, new MemoryRelayStore(), 0), null };
        byte[] first = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        byte[] second = council.Rules(2, 1, [0, 2, 4]).Encode();
        engines[0]!.Originate(first, 1000);
        engines[0]!.Originate(second, 2000);
        Run(engines, 1000, 10 * 60_000);
        // Node 3 comes back: it hears beacons, asks, and is sent what it lacks.
        engines[2] = Engine(council, 3, new MemoryRelayStore(), 10 * 60_000);
        var sent = Run(engines, 10 * 60_000, 60 * 60_000);
        Assert.IsTrue(engines[2]!.Held.Holds(Frame.MessageIdOf(first)));
        Assert.IsTrue(engines[2]!.Held.Holds(Frame.MessageIdOf(second)));
        Assert.IsGreaterThan(0, sent[FrameType.Request]);
    }

    [TestMethod]
    public void HeldOrdersSurviveARebootAndAreNotFloodedAgain()
    {
        var council = new TestCouncil();
        var store = new MemoryRelayStore();
        var a = Engine(council, 1, store, 0);
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        a.Originate(order, 0);
        Run([a], 0, 5000);
        var rebooted = Engine(council, 1, store, 10_000);
        Assert.IsTrue(rebooted.Held.Holds(Frame.MessageIdOf(order)));
        byte[] copy = Frame.Fragment(FrameType.Order, 5, 9, order)[0].Encode();
        rebooted.Receive(copy, 0, copy.Length, 30, 11_000);
        var sent = Run([rebooted], 11_000, 60_000);
        Assert.AreEqual(0, sent[FrameType.Order], "a copy of a held order is a duplicate, not news");
    }

    [TestMethod]
    public void TheEngineSendsHeldOrdersFromItsStoreAndForgetsWhatTheStoreForgot()
    {
        var council = new TestCouncil();
        var store = new MemoryRelayStore();
        var a = Engine(council, 1, store, 0);
        var b = Engine(council, 2, new MemoryRelayStore(), 0);
        byte[] first = council.Alert(1, new string('x', 600), [0, 2]).Encode();
        Assert.IsTrue(a.Originate(first, 0));
        Run([a, b], 0, 60_000);
        Assert.IsTrue(b.Held.Holds(Frame.MessageIdOf(first)), "the fragments read from a's store make the order at b");
        // The store keeps the newest MaxOrders: fill it with others, and the first is gone from it.
        for (int i = 2; i <= MemoryRelayStore.MaxOrders + 1; i++)
        {
            byte[] other = council.Alert(i, "Order " + i, [0, 2]).Encode();
            store.AppendOrder(Frame.MessageIdOf(other), other);
        }
        Assert.AreEqual(0, store.OrderLength(Frame.MessageIdOf(first)));
        uint newest = store.OrderIds()[^1];
        Assert.IsFalse(store.ReadOrder(newest, store.OrderLength(newest) - 1, new byte[2], 0, 2), "a read past an order's end is refused, as on flash");
        byte[] copy = Frame.Fragment(FrameType.Order, 5, 9, first)[0].Encode();
        a.Receive(copy, 0, copy.Length, 30, 61_000);
        Assert.IsFalse(a.Held.Holds(Frame.MessageIdOf(first)), "what the store lost, the node no longer claims to hold (as after a reboot)");
    }

    [TestMethod]
    public void TheDutyCycleIsNeverExceeded()
    {
        var council = new TestCouncil();
        // 868.1 MHz: the 1% sub-band, 36 s an hour; ask for far more than that.
        var engine = new RelayEngine(new RelayConfig(1, new LoRaModulation(12, 125000, 5), DutyCycleAccountant.ForFrequency(868_100_000, false)) { CouncilEpochOffsetMs = EpochOffsetMs },
            council.Registry, new NaiveFloodingPolicyForTests(), new SeededRandom(1), new MemoryRelayStore(), council.Ed, 0);
        for (int k = 1; k <= 20; k++)
        {
            engine.Originate(council.Alert(k, "Order " + k + " " + new string('x', 90), [0, 2]).Encode(), 0);
        }
        var sent = new List<(long StartUs, long AirtimeUs)>();
        long t = 0;
        while (t < 2 * 3_600_000)
        {
            OutgoingFrame? frame = engine.Poll(t, false);
            if (frame is not null)
            {
                sent.Add((t * 1000, frame.AirtimeMicroseconds));
            }
            // The radio is busy for the frame's airtime; then wait for whatever the engine wants next.
            t = frame is null ? Math.Max(t + 100, engine.NextActionMs(t)) : t + frame.AirtimeMicroseconds / 1000 + 1;
        }
        // Every hour-long window, wherever it lies, holds at most 36 s of airtime (1%).
        foreach (var (start, length) in sent)
        {
            long windowEnd = start + length;
            long windowStart = windowEnd - 3_600_000_000L;
            long inside = sent.Sum(s => Math.Max(0, Math.Min(s.StartUs + s.AirtimeUs, windowEnd) - Math.Max(s.StartUs, windowStart)));
            Assert.IsLessThanOrEqualTo(36_000_000L, inside, $"window ending at {windowEnd / 1000} ms");
        }
        Assert.IsGreaterThan(7, sent.Count, "the budget is used over two hours, not wasted");
        Assert.IsGreaterThan(0, engine.Statistics.DutyCycleWaits);
    }

    [TestMethod]
    public void ForgedRequestsCannotDrainAirtime()
    {
        var council = new TestCouncil();
        var holder = Engine(council, 1, new MemoryRelayStore(), 0);
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        holder.Originate(order, 0);
        Run([holder], 0, 5000);
        uint id = Frame.MessageIdOf(order);
        int repairs = 0;
        for (long t = 10_000; t < 10 * 60_000; t += 5000)
        {
            byte[] payload = new byte[5];
            payload[0] = 1;
            Skold.Bytes.WriteUInt32LittleEndian(payload, 1, id);
            byte[] request = new Frame(FrameType.Request, 0, 1, (uint)t, 0, 1, 77, payload).Encode();
            holder.Receive(request, 0, request.Length, 30, t);
            for (long u = t; u < t + 5000; u += 50)
            {
                repairs += holder.Poll(u, false) is { Repair: true } ? 1 : 0;
            }
        }
        // 114 forged requests in ten minutes: answered at most once every 15 s.
        Assert.IsLessThanOrEqualTo(40, repairs);
        Assert.IsGreaterThan(0, repairs, "a genuine request is still answered");
    }

    [TestMethod]
    public void AForgedCopyWithAHeldIdCountsForNothing()
    {
        var council = new TestCouncil();
        var relay = Engine(council, 2, new MemoryRelayStore(), 0);
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        byte[] genuine = Frame.Fragment(FrameType.Order, 5, 1, order)[0].Encode();
        relay.Receive(genuine, 0, genuine.Length, 30, 0);
        int duplicates = relay.Statistics.Duplicates;
        byte[] forged = new Frame(FrameType.Order, 1, 5, Frame.MessageIdOf(order), 0, 1, 9, [1, 2, 3]).Encode();
        relay.Receive(forged, 0, forged.Length, 30, 10);
        Assert.AreEqual(duplicates, relay.Statistics.Duplicates, "a header with a held id but other bytes is not a copy");
        relay.Receive(genuine, 0, genuine.Length, 30, 20);
        Assert.AreEqual(duplicates + 1, relay.Statistics.Duplicates);
    }

    [TestMethod]
    public void AReportUnderAnotherIdIsDropped()
    {
        var council = new TestCouncil();
        var stationKey = council.Ed.CreatePrivateKey(TestCouncil.Seed("station", 7));
        var registry = council.Registry.Apply(new RegistryUpdateBody([RegistryOperation.Station(7, stationKey.GetPublicKey())]), 1);
        var relay = new RelayEngine(new RelayConfig(2, Sf9, DutyCycleAccountant.ForFrequency(869_525_000, false)) { CouncilEpochOffsetMs = EpochOffsetMs },
            registry, new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0), new SeededRandom(2), new MemoryRelayStore(), council.Ed, 0);
        byte[] report = StationReportSignature.Seal(registry, 7, [1, 2, 3, 4], stationKey, council.Ed);
        for (uint fakeId = 1; fakeId <= 10; fakeId++)
        {
            byte[] relabelled = new Frame(FrameType.Report, 0, 5, fakeId, 0, 1, 9, report).Encode();
            relay.Receive(relabelled, 0, relabelled.Length, 30, fakeId);
        }
        byte[] genuine = Frame.Fragment(FrameType.Report, 5, 9, report)[0].Encode();
        relay.Receive(genuine, 0, genuine.Length, 30, 100);
        relay.Receive(genuine, 0, genuine.Length, 30, 200);
        var sent = Run([relay], 0, 60_000);
        Assert.AreEqual(1, sent[FrameType.Report], "relayed once, under its own id");
    }

    [TestMethod]
    public void WhenOrdersWaitForTheDutyCycleTheEngineSaysWhenAndSmallFramesStillGo()
    {
        var council = new TestCouncil();
        // SF12 in the 1% sub-band: a few orders use up the hour.
        var engine = new RelayEngine(new RelayConfig(1, new LoRaModulation(12, 125000, 5), DutyCycleAccountant.ForFrequency(868_100_000, false)) { CouncilEpochOffsetMs = EpochOffsetMs, BeaconIntervalMs = 60_000 },
            council.Registry, new CoverageRebroadcastPolicy(3 * 60_000, 0), new SeededRandom(1), new MemoryRelayStore(), council.Ed, 0);
        for (int k = 1; k <= 10; k++)
        {
            engine.Originate(council.Alert(k, "Order " + k + " " + new string('x', 90), [0, 2]).Encode(), 0);
        }
        long t = 0;
        int idlePolls = 0;
        while (t < 3_600_000)
        {
            OutgoingFrame? frame = engine.Poll(t, false);
            long next = engine.NextActionMs(t);
            if (frame is null)
            {
                Assert.IsGreaterThan(t, next, "nothing sent now means the next action is later, not now (no busy loop)");
                idlePolls++;
                t = next;
            }
            else
            {
                t += frame.AirtimeMicroseconds / 1000 + 1;
            }
        }
        Assert.IsGreaterThan(0, idlePolls);
    }

    [TestMethod]
    public void ARebootKeepsTheCouncilStateEvenAfterTheOrdersExpire()
    {
        var council = new TestCouncil();
        var store = new MemoryRelayStore();
        var before = Engine(council, 1, store, 0);
        var revoke = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 60, 60,
            new RegistryUpdateBody([RegistryOperation.Revoke(2)]));
        council.SignBy(council.Registry, revoke, [0, 1, 3, 4, 6, 7]);
        var reserve = new Order(OrderKind.ReserveActivation, 2, TestCouncil.Now - 60, 60,
            new ReserveActivationBody(900_000, TestCouncil.Now + 3600, "Diesel"));
        council.SignBy(council.Registry, reserve, [0, 3, 4, 6]);
        Assert.IsTrue(before.Originate(revoke.Encode(), 0));
        Assert.IsTrue(before.Originate(reserve.Encode(), 1));
        Assert.IsTrue(before.Council.Registry.Member(2).Revoked);

        // Two hours later both orders have expired; the node reboots from its flash.
        long later = 2 * 3600 * 1000;
        var after = Engine(council, 1, store, later);
        Assert.IsTrue(after.Council.Registry.Member(2).Revoked, "the revocation still holds");
        Assert.AreEqual(900_000u, after.Council.ReserveReleasedSek, "the reserve released is remembered");
        Assert.AreEqual(0, after.Held.Count, "expired orders are not served to others");
        var again = council.Alert(1, "Test", [0, 2]).Encode();
        var result = after.Council.Accept(again, TestCouncil.Now + 7200);
        Assert.AreEqual(RejectionReason.PolicyNotMet, result.Reason, "member 2's signature counts for nothing after the reboot too");
    }

    private static byte[] Beacon(int sender, params int[] hears)
    {
        var writer = new Skold.Codec.ByteWriter(48);
        writer.WriteByte(0);
        writer.WriteByte(0);
        writer.WriteUInt32(0);
        writer.WriteByte(195);
        writer.WriteByte(100);
        writer.WriteByte(hears.Length);
        foreach (int id in hears)
        {
            writer.WriteUInt16(id);
        }
        return new Frame(FrameType.Beacon, 0, 1, (uint)(sender * 1000 + hears.Length), 0, 1, sender, writer.ToArray()).Encode();
    }

    private static byte[] Ids(int type, int sender, params uint[] ids)
    {
        byte[] payload = new byte[1 + 4 * ids.Length];
        payload[0] = (byte)ids.Length;
        for (int i = 0; i < ids.Length; i++)
        {
            Skold.Bytes.WriteUInt32LittleEndian(payload, 1 + 4 * i, ids[i]);
        }
        return new Frame(type, 0, 1, (uint)(sender * 7 + ids.Length), 0, 1, sender, payload).Encode();
    }

    private static void Hear(RelayEngine engine, byte[] frame, int snrTenths, long nowMs) => engine.Receive(frame, 0, frame.Length, snrTenths, nowMs);

    // The nodes a beacon lists.
    private static int[] Listed(OutgoingFrame beacon)
    {
        Frame frame = Frame.Decode(beacon.Data, 0, beacon.Data.Length);
        int count = frame.Payload[8];
        return Enumerable.Range(0, count).Select(i => frame.Payload[9 + 2 * i] | frame.Payload[10 + 2 * i] << 8).ToArray();
    }

    [TestMethod]
    public void ARepairGoesOutEvenWhenEveryListenerHearsTheNodeThatAskedForIt()
    {
        var council = new TestCouncil();
        var holder = Engine(council, 1, new MemoryRelayStore(), 0);
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        holder.Originate(order, 0);
        Run([holder], 0, 5000);
        // Its listeners, 5 and 6, hear each other: the flooding rule would call a copy redundant.
        Hear(holder, Beacon(5, 1, 6), 50, 10_000);
        Hear(holder, Beacon(6, 1, 5), 50, 10_500);
        Hear(holder, Ids(FrameType.Request, 5, Frame.MessageIdOf(order)), 50, 200_000);
        int repairs = 0;
        for (long t = 200_000; t < 210_000; t += 50)
        {
            repairs += holder.Poll(t, false) is { Repair: true } ? 1 : 0;
        }
        Assert.AreEqual(1, repairs, "node 5 asked for it, so node 5 lacks it");
    }

    [TestMethod]
    public void HoldersAnswerARequestOneAtATimeInTheOrderTheAskerListsThem()
    {
        var council = new TestCouncil();
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        long AnswerAfter(int holderId)
        {
            var holder = Engine(council, holderId, new MemoryRelayStore(), 0);
            holder.Originate(order, 0);
            Run([holder], 0, 5000);
            // Node 5 hears 3 best, then 1: holders 1 and 3 may not hear each other.
            Hear(holder, Beacon(5, 3, 1), 50, 10_000);
            Hear(holder, Ids(FrameType.Request, 5, Frame.MessageIdOf(order)), 50, 200_000);
            for (long t = 200_000; t < 220_000; t += 10)
            {
                if (holder.Poll(t, false) is { Repair: true })
                {
                    return t - 200_000;
                }
            }
            throw new AssertFailedException("no answer");
        }
        const long slot = RelayEngine.RepairJitterMs; // two SF9 frames are shorter
        long first = AnswerAfter(3);
        long second = AnswerAfter(1);
        Assert.IsGreaterThanOrEqualTo(300, first);
        Assert.IsLessThan(300 + slot, first);
        Assert.IsGreaterThanOrEqualTo(300 + slot, second, "the asker's second link answers in the second slot");
        Assert.IsLessThan(300 + 2 * slot, second);
    }

    [TestMethod]
    public void AHolderOffersAnOrderForRepairOnlyOnceItHasHadTimeToFlood()
    {
        var council = new TestCouncil();
        var holder = Engine(council, 1, new MemoryRelayStore(), 0);
        holder.Originate(council.Alert(1, "Storm i natt", [0, 2]).Encode(), 0);
        Hear(holder, Ids(FrameType.Inventory, 7), 50, 10_000);
        var early = Run([holder], 10_000, 20_000);
        Assert.AreEqual(0, early[FrameType.Inventory], "the flood is still under way: node 7 will likely hear it");
        Hear(holder, Ids(FrameType.Inventory, 7), 50, 200_000);
        var later = Run([holder], 200_000, 210_000);
        Assert.AreEqual(1, later[FrameType.Inventory], "settled: tell node 7 what it lacks");
    }

    private sealed class RandomDelayPolicy : IRebroadcastPolicy
    {
        public bool StoreAndForward => false;
        public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random) => 1000 + random.Next(10_000);
        public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs) => false;
    }

    [TestMethod]
    public void AFrameThatFallsDueWhileTheChannelIsBusyDrawsAFreshDelayWhenItClears()
    {
        var council = new TestCouncil();
        var relay = Engine(council, 2, new MemoryRelayStore(), 0, new RandomDelayPolicy());
        byte[] copy = Frame.Fragment(FrameType.Order, 0, 5, 9, council.Alert(1, "Storm i natt", [0, 2]).Encode())[0].Encode();
        Hear(relay, copy, 30, 0);
        long due = relay.NextActionMs(0);
        Assert.IsNull(relay.Poll(due, true), "someone else is on air");
        long clear = due + 1500;
        Assert.IsNull(relay.Poll(clear, false), "not the instant the channel clears, with everyone else who waited");
        long redrawn = relay.NextActionMs(clear);
        Assert.IsGreaterThanOrEqualTo(clear + 1000, redrawn);
        Assert.IsNull(relay.Poll(redrawn - 1, false));
        Assert.IsNotNull(relay.Poll(redrawn, false));
    }

    [TestMethod]
    public void AWeakNeighbourThatDependsOnThisRelayKeepsItOnAir()
    {
        var policy = new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0, -50);
        NeighbourTable Table(params int[] weakHears)
        {
            var table = new NeighbourTable(8);
            Neighbour sender = table.Heard(0, 80, 1000);
            sender.Hears = [1, 2, 3, 5];
            sender.LastBeaconMs = 1000;
            sender.BeaconHeard = true;
            Neighbour weak = table.Heard(4, -80, 1000);
            weak.Hears = weakHears;
            weak.LastBeaconMs = 1000;
            weak.BeaconHeard = true;
            return table;
        }
        // Node 4 hears this relay (1) at -8 dB, below what beacons list as reliable, and lists it all the same: it depends on it.
        Assert.IsFalse(policy.MayCancel(1, [0], 1, Table(5, 6, 7, 1), 2000));
        // Listing others only, node 4 is better served by them.
        Assert.IsTrue(policy.MayCancel(1, [0], 1, Table(5, 6, 7, 8), 2000));
        // A short list (few links, or a beacon sent before it heard this relay) cannot tell.
        Assert.IsFalse(policy.MayCancel(1, [0], 1, Table(5, 6), 2000));
    }

    [TestMethod]
    public void RelaysAListenerWithFewLinksDependsOnDrawFromDisjointPartsOfTheWindow()
    {
        var policy = new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0, -50);
        NeighbourTable Table(params int[] listenerHears)
        {
            var table = new NeighbourTable(8);
            Neighbour sender = table.Heard(0, 80, 1000);
            sender.Hears = [1, 2, 3];
            sender.LastBeaconMs = 1000;
            sender.BeaconHeard = true;
            // Node 4 does not hear the sender: it waits for relays 1 and 2, which may not hear each other.
            Neighbour listener = table.Heard(4, 80, 1000);
            listener.Hears = listenerHears;
            listener.LastBeaconMs = 1000;
            listener.BeaconHeard = true;
            return table;
        }
        const long airtimeMs = 1000;
        long half = CoverageRebroadcastPolicy.Window * (airtimeMs + CoverageRebroadcastPolicy.GuardMs) / 2;
        List<long> Delays(int self, NeighbourTable table)
        {
            var random = new SeededRandom(self);
            return Enumerable.Range(0, 200).Select(_ => policy.RebroadcastDelayMs(self, 0, airtimeMs, [0], 1, table, 2000, random)).ToList();
        }
        // Node 4 lists 1 then 2: relay 1 draws from the first half of the window, relay 2 from the second.
        List<long> first = Delays(1, Table(1, 2));
        List<long> second = Delays(2, Table(1, 2));
        Assert.IsLessThanOrEqualTo(second.Min(), first.Max(), "the two never overlap");
        Assert.IsLessThanOrEqualTo(half, first.Max() - first.Min(), "within half the window");
        Assert.IsLessThanOrEqualTo(half, second.Max() - second.Min(), "within half the window");
        // A listener hearing many nodes leaves each relay the whole window.
        List<long> spread = Delays(2, Table(1, 2, 3, 5, 6));
        Assert.IsLessThan(spread.Max() - half, spread.Min());
    }

    [TestMethod]
    public void ARelayThatHasHeardNoBeaconNeverCancels()
    {
        var policy = new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0);
        var table = new NeighbourTable(8);
        table.Heard(0, 80, 1000);
        Assert.IsFalse(policy.MayCancel(1, [0], 1, table, 2000), "all it knows is the sender");
        Neighbour unknown = table.Heard(4, -80, 1000);
        Neighbour sender = table.Find(0)!;
        sender.Hears = [1, 2, 3];
        sender.LastBeaconMs = 1000;
        sender.BeaconHeard = true;
        Assert.IsFalse(policy.MayCancel(1, [0], 1, table, 2000), "node 4, weak but without a beacon, may depend on it");
        unknown.Hears = [5, 6, 7, 8];
        unknown.LastBeaconMs = 1500;
        unknown.BeaconHeard = true;
        Assert.IsTrue(policy.MayCancel(1, [0], 1, table, 2000));
    }

    [TestMethod]
    public void ABeaconListsAWeakLinkThatIsTheOnlyWayToTheOtherSide()
    {
        var council = new TestCouncil();
        int[] ListedAfterHearing(params int[] weakHears)
        {
            var relay = Engine(council, 1, new MemoryRelayStore(), 0);
            Hear(relay, Beacon(2, 3, 4), 80, 0);
            Hear(relay, Beacon(3, 2, 4), 80, 0);
            Hear(relay, Beacon(4, 2, 3), 80, 0);
            Hear(relay, Beacon(9, weakHears), -80, 0);
            for (long t = 0; t < 20 * 60_000; t += 1000)
            {
                if (relay.Poll(t, false) is { Type: FrameType.Beacon } beacon)
                {
                    return Listed(beacon);
                }
            }
            throw new AssertFailedException("no beacon");
        }
        // Node 9 (-8 dB) hears 10 and 11, which none of this node's neighbours hears: the link is a bridge.
        CollectionAssert.AreEquivalent(new[] { 2, 3, 4, 9 }, ListedAfterHearing(10, 11));
        // Node 9 hears node 3 too: there is another way, and the weak link is left out as before.
        CollectionAssert.AreEquivalent(new[] { 2, 3, 4 }, ListedAfterHearing(10, 3));
    }

    private sealed class NaiveFloodingPolicyForTests : IRebroadcastPolicy
    {
        public bool StoreAndForward => false;
        public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random) => 0;
        public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs) => false;
    }
}
