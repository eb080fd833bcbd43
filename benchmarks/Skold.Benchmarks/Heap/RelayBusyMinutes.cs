using Skold.Board.Tests.Node;
using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Benchmarks.Heap;

/// <summary>
/// The relay node app through the busiest ten minutes of an hour on host models of its parts: 32 neighbours on the air
/// (a full neighbour table), 48 council orders of about 1 KB (the most it holds), each sent in
/// fragments that it reassembles, stores and rebroadcasts, then a burst of forged fragments. The
/// measured node is a full NodeApp over the SX1276 register model; its live graph is sized as
/// nanoCLR objects once a second of board time.
/// </summary>
internal static class RelayBusyMinutes
{
    public const int Neighbours = 32;
    public const int Orders = RelayEngine.HeldCapacity;
    public const int ForgedFragments = 40;

    public static HeapRun Run()
    {
        var model = new NanoHeapModel();
        var run = new HeapRun("relay node, busiest 10 minutes");
        // SF7: the hour's 48 KB of orders fit the 10% sub-band with the neighbours' rebroadcasts.
        byte[] Provision(int id) => TestNode.Provisioning(id, tweak: p => p.SpreadingFactor = 7);
        // Each node its own random seed, or they would all pick the same slots and collide.
        var measured = new TestNode(randomSeed: 2).Provision(Provision(2)).Boot();
        var gateway = new TestNode(randomSeed: 1).Provision(Provision(1)).Boot();
        var others = Enumerable.Range(0, Neighbours - 1).Select(i => new TestNode(randomSeed: 100 + i).Provision(Provision(100 + i)).Boot()).ToArray();
        TestNode[] air = [measured, gateway, .. others];
        run.AfterBoot = model.Measure(measured.App);

        string text = string.Concat(Enumerable.Repeat("Stanna inne, stormen når kusten i natt. ", 24))[..950];
        int largestOrder = 0;
        for (int i = 1; i <= Orders; i++)
        {
            byte[] order = TestNode.Council.Alert(i, text, [0, 2]).Encode();
            largestOrder = Math.Max(largestOrder, order.Length);
            // Straight into the gateway's engine: the host link carries at most 600 bytes.
            gateway.App.Node!.Engine.Originate(order, gateway.Board.Now);
        }

        var forged = new List<byte[]>();
        // The hour's busiest ten minutes: every order arrives, fragment by fragment, from every side.
        long end = long.Parse(Environment.GetEnvironmentVariable("SKOLD_HEAP_MS") ?? "600000");
        for (long t = 0; t < end; t += 10)
        {
            TestAir.Turn(air,
                sent: (node, frame) =>
                {
                    if (node == gateway && forged.Count < ForgedFragments && frame[0] >> 5 == FrameType.Order)
                    {
                        forged.Add(Forge(frame));
                    }
                },
                aroundStep: (node, step) =>
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    step();
                    if (node == measured)
                    {
                        run.NoteStep(GC.GetAllocatedBytesForCurrentThread() - before);
                    }
                });
            foreach (TestNode node in air)
            {
                node.Link.Drain();
                node.Chip.Transmitted.Clear();
            }
            if (t == end / 2)
            {
                // The burst: forged fragments, one every 10 ms turn, straight into the measured node.
                foreach (byte[] frame in forged)
                {
                    // Into the FIFO whenever the modem listens (not while it transmits).
                    for (int tries = 0; tries < 100 && !measured.Chip.Receive(frame, 60, 24); tries++)
                    {
                        if (measured.Chip.Mode == Registers.ModeTransmit)
                        {
                            measured.Chip.FinishTransmit();
                        }
                        measured.App.Step();
                    }
                    measured.App.Step();
                }
                run.Sample(model.Measure(measured.App));
            }
            if (t % 1000 == 0)
            {
                run.Sample(model.Measure(measured.App));
            }
        }
        RelayEngine engine = measured.App.Node!.Engine;
        run.Facts.Add($"orders held at the end: {engine.Held.Count} of {Orders}; frames on air from all {air.Length} nodes: {air.Sum(n => n.App.Node!.FramesSent):N0}");
        run.Facts.Add($"neighbours in the table: {Enumerable.Range(0, engine.Neighbours.Capacity).Count(i => engine.Neighbours.At(i) is not null)} of {engine.Neighbours.Capacity}");
        run.Facts.Add($"forged fragments delivered: {forged.Count}, orders rejected: {engine.Statistics.Rejected}, malformed: {engine.Statistics.Malformed}, duplicates: {engine.Statistics.Duplicates}");
        run.Facts.Add($"largest order: {largestOrder} bytes");
        return run;
    }

    /// <summary>
    /// A fragment of a real order under another message id with a flipped byte: the node keeps it
    /// for reassembly (the heap this costs is what the burst measures), and drops the message
    /// once complete, as it does not hash to its id.
    /// </summary>
    private static byte[] Forge(byte[] frame)
    {
        byte[] copy = (byte[])frame.Clone();
        copy[^1] ^= 0x5A;
        copy[4] ^= 0x5A;
        return copy;
    }
}
