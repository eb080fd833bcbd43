using Skold.Board.Storage;

namespace Skold.Board.Tests;

[TestClass]
public sealed class FlashRelayStoreTests
{
    private const int SeenCapacity = 16;
    private const int MaxOrders = 5;
    private const int CompactAfter = 300;

    private sealed record Op(long Key, byte[]? Order);

    /// <summary>A day of a relay in miniature: seen keys and orders of many sizes, enough to compact several times.</summary>
    private static List<Op> Script()
    {
        var random = new Random(8);
        var ops = new List<Op>();
        for (int i = 0; i < 60; i++)
        {
            if (i % 4 == 3)
            {
                byte[] order = new byte[random.Next(1, 140)];
                random.NextBytes(order);
                ops.Add(new Op(0, order));
            }
            else
            {
                ops.Add(new Op(random.NextInt64(long.MinValue, long.MaxValue), null));
            }
        }
        return ops;
    }

    private static FlashRelayStore Open(FaultyFlash flash) => new(flash, SeenCapacity, MaxOrders, CompactAfter);

    private static void Apply(FlashRelayStore store, Op op)
    {
        if (op.Order is null)
        {
            store.AppendSeen(op.Key);
        }
        else
        {
            store.AppendOrder(Skold.Mesh.Frame.MessageIdOf(op.Order), op.Order);
        }
    }

    /// <summary>Every order the store keeps, oldest first, read back from flash.</summary>
    private static byte[][] Orders(FlashRelayStore store) => store.OrderIds().Select(id =>
    {
        byte[] order = new byte[store.OrderLength(id)];
        Assert.IsTrue(store.ReadOrder(id, 0, order, 0, order.Length));
        return order;
    }).ToArray();

    /// <summary>What a store must hold after these operations: the newest keys and orders up to the capacities.</summary>
    private static (long[] Seen, byte[][] Orders) Expected(IEnumerable<Op> ops)
    {
        long[] seen = ops.Where(o => o.Order is null).Select(o => o.Key).ToArray();
        byte[][] orders = ops.Where(o => o.Order is not null).Select(o => o.Order!).ToArray();
        return (seen.TakeLast(SeenCapacity).ToArray(), orders.TakeLast(MaxOrders).ToArray());
    }

    private static bool Holds(FlashRelayStore store, (long[] Seen, byte[][] Orders) expected)
    {
        long[] seen = store.LoadSeen(1000);
        byte[][] orders = Orders(store);
        return seen.SequenceEqual(expected.Seen) && orders.Length == expected.Orders.Length
            && orders.Zip(expected.Orders).All(p => p.First.SequenceEqual(p.Second));
    }

    [TestMethod]
    public void WhatWasAppendedComesBackAfterARebootOldestFirst()
    {
        var flash = new FaultyFlash();
        FlashRelayStore store = Open(flash);
        List<Op> ops = Script();
        foreach (Op op in ops)
        {
            Apply(store, op);
        }
        Assert.IsTrue(store.Generation > 3, "the script compacts several times");
        FlashRelayStore again = Open(flash);
        Assert.IsTrue(Holds(again, Expected(ops)));
        Assert.AreEqual(0, again.DroppedAtBoot);
        CollectionAssert.AreEqual(Expected(ops).Seen.TakeLast(4).ToArray(), again.LoadSeen(4), "LoadSeen(n) gives the newest n, oldest first");
    }

    [TestMethod]
    public void APowerCutAtAnyByteLosesNothingThatWasCommitted()
    {
        List<Op> ops = Script();
        var clean = new FaultyFlash();
        FlashRelayStore reference = Open(clean);
        foreach (Op op in ops)
        {
            Apply(reference, op);
        }
        long total = clean.BytesWritten;
        int cuts = 0;
        foreach (bool garbage in new[] { false, true })
        {
            for (long budget = 0; budget < total; budget++)
            {
                var flash = new FaultyFlash { Budget = budget, Garbage = garbage };
                int done = 0;
                try
                {
                    FlashRelayStore store = Open(flash);
                    for (; done < ops.Count; done++)
                    {
                        Apply(store, ops[done]);
                    }
                    Assert.Fail("the budget should run out before the script ends");
                }
                catch (PowerCutException)
                {
                    cuts++;
                }
                flash.Reboot();
                FlashRelayStore rebooted = Open(flash);
                bool without = Holds(rebooted, Expected(ops.Take(done)));
                bool with = done < ops.Count && Holds(rebooted, Expected(ops.Take(done + 1)));
                Assert.IsTrue(without || with, $"cut after {budget} bytes (garbage {garbage}) during operation {done}: committed entries lost or damaged ones loaded");
                // The board goes on after the reboot, and what it appends then survives the next reboot too.
                Op next = new(12345 + budget, null);
                Apply(rebooted, next);
                var afterwards = with ? ops.Take(done + 1).Append(next) : ops.Take(done).Append(next);
                Assert.IsTrue(Holds(Open(flash), Expected(afterwards)), $"cut after {budget} bytes: an append after the reboot was lost");
            }
        }
        Console.WriteLine($"{cuts} power cuts over a script writing {total} bytes, each followed by a reboot and a further append");
        Assert.AreEqual(2 * total, cuts);
        Assert.IsTrue(total > 3000, "the script writes " + total + " bytes, with several compactions");
    }

    [TestMethod]
    public void FlashWearStaysBoundedOnABusyRelay()
    {
        // The engine's capacities: 256 keys, 48 orders of about 300 bytes, compaction after 16 KiB.
        var flash = new FaultyFlash();
        var store = new FlashRelayStore(flash, Skold.Mesh.RelayEngine.SeenReportCapacity, Skold.Mesh.RelayEngine.HeldCapacity, 16384);
        for (int i = 0; i < 48; i++)
        {
            byte[] order = new byte[300];
            order[0] = (byte)i;
            store.AppendOrder((uint)i, order);
        }
        long before = flash.BytesWritten;
        const int frames = 20000;
        for (int i = 0; i < frames; i++)
        {
            store.AppendSeen(i);
        }
        double perFrame = (double)(flash.BytesWritten - before) / frames;
        Console.WriteLine($"flash bytes written per seen frame: {perFrame:0.0} (15 appended + compaction share)");
        Assert.IsTrue(perFrame < 40, $"{perFrame:0.0} bytes per frame");
        Assert.IsTrue(flash.Read(store.CurrentSlot)!.Length <= 16384 + FlashRelayStore.HeaderSize + 256 * 15 + 48 * 307, "a slot never grows past a snapshot plus 16 KiB");
    }

    [TestMethod]
    public void TheLargestOrdersAreKeptAndCompactedThroughASmallBufferNeverAWholeSlot()
    {
        // 48 orders of the largest size the mesh carries: 177 KB on flash, more than a board's heap.
        var flash = new FaultyFlash();
        var store = new FlashRelayStore(flash, Skold.Mesh.RelayEngine.SeenReportCapacity, Skold.Mesh.RelayEngine.HeldCapacity, 16384);
        var orders = new List<byte[]>();
        var random = new Random(3);
        for (int i = 0; i < 48; i++)
        {
            byte[] order = new byte[FlashRelayStore.MaxRecordPayload];
            random.NextBytes(order);
            orders.Add(order);
            store.AppendOrder(Skold.Mesh.Frame.MessageIdOf(order), order);
        }
        Assert.IsTrue(store.Generation > 5, "compacted several times while filling");
        var rebooted = new FlashRelayStore(flash, Skold.Mesh.RelayEngine.SeenReportCapacity, Skold.Mesh.RelayEngine.HeldCapacity, 16384);
        Assert.IsTrue(flash.LargestRead <= 240, $"filling, compacting and booting read {flash.LargestRead} bytes at once: the store must stream, not load a slot");
        Assert.AreEqual(48, rebooted.OrderIds().Length);
        Assert.IsTrue(Orders(rebooted).Zip(orders).All(p => p.First.SequenceEqual(p.Second)), "every order read back from flash as appended");
        byte[] part = new byte[10];
        uint last = rebooted.OrderIds()[^1];
        Assert.IsTrue(rebooted.ReadOrder(last, 3000, part, 0, 10));
        CollectionAssert.AreEqual(orders[^1][3000..3010], part, "a part of an order read from its place");
        Assert.IsFalse(rebooted.ReadOrder(last, 3685, part, 0, 10), "not past the order's end");
    }

    [TestMethod]
    public void ACorruptedSnapshotFallsBackToTheOtherSlot()
    {
        var flash = new FaultyFlash();
        FlashRelayStore store = Open(flash);
        List<Op> ops = Script();
        int compactedAt = -1;
        uint generation = store.Generation;
        for (int i = 0; i < ops.Count && compactedAt < 0; i++)
        {
            Apply(store, ops[i]);
            if (store.Generation != generation)
            {
                compactedAt = i;
            }
        }
        // Damage the newest snapshot's body: the previous slot still holds everything up to the op before it.
        flash.Corrupt(store.CurrentSlot, FlashRelayStore.HeaderSize + 3);
        FlashRelayStore rebooted = Open(flash);
        Assert.IsTrue(Holds(rebooted, Expected(ops.Take(compactedAt))), "the older slot's records are loaded");
    }

    [TestMethod]
    public void AnEmptyFlashGivesAnEmptyStoreAndOversizedOrdersAreRefused()
    {
        var flash = new FaultyFlash();
        FlashRelayStore store = Open(flash);
        Assert.AreEqual(0, store.LoadSeen(10).Length);
        Assert.AreEqual(0, store.OrderIds().Length);
        Assert.IsTrue(flash.Exists(FlashRelayStore.SlotA) || flash.Exists(FlashRelayStore.SlotB));
        Assert.ThrowsExactly<ArgumentException>(() => store.AppendOrder(1, new byte[FlashRelayStore.MaxRecordPayload + 1]));
        Assert.ThrowsExactly<ArgumentException>(() => store.AppendOrder(2, []));
        Assert.AreEqual(0, Open(flash).OrderIds().Length, "a refused order leaves nothing behind");
        Assert.AreEqual(0, store.OrderLength(1));
        Assert.IsFalse(store.ReadOrder(1, 0, new byte[1], 0, 1));
    }

    [TestMethod]
    public void SlotFilesHaveTheDocumentedLayout()
    {
        var flash = new FaultyFlash();
        FlashRelayStore store = Open(flash);
        store.AppendSeen(0x0102030405060708);
        byte[] slot = flash.Read(store.CurrentSlot)!;
        // docs/formats/relay-store.md: header of 24 bytes, then one record: type 1, length 8, key LE, CRC-32.
        CollectionAssert.AreEqual("SKRS"u8.ToArray(), slot[..4]);
        Assert.AreEqual(1, slot[4]);
        Assert.AreEqual(1u, BitConverter.ToUInt32(slot, 8), "generation 1");
        Assert.AreEqual(0u, BitConverter.ToUInt32(slot, 12), "empty snapshot");
        Assert.AreEqual(FlashRelayStore.HeaderSize + 15, slot.Length);
        Assert.AreEqual(1, slot[24]);
        Assert.AreEqual(8, slot[25] | slot[26] << 8);
        Assert.AreEqual(0x0102030405060708, BitConverter.ToInt64(slot, 27));
        Assert.AreEqual(Skold.Crc32.Compute(slot, 24, 11), BitConverter.ToUInt32(slot, 35));
        Assert.AreEqual(Skold.Crc32.Compute(slot, 0, 20), BitConverter.ToUInt32(slot, 20));
        // The example bytes in docs/formats/relay-store.md.
        string doc = RepoFiles.Read("docs/formats/relay-store.md");
        Assert.IsTrue(doc.Contains(Convert.ToHexString(slot).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b)), "the documented example is what the store writes");
    }
}
