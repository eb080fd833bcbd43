using System.Globalization;

namespace Skold.Benchmarks.Heap;

/// <summary>
/// `heap`: the relay node's busiest ten minutes and the kiosk's shift sized as nanoCLR objects, as a ratio
/// to the managed heap of each board's nanoCLR target; and the Ed25519 verify's allocations and
/// deepest call chain from the assembly compiled for nanoFramework (build/nanoframework).
/// </summary>
internal static class HeapBench
{
    /// <summary>Managed heap without PSRAM, per target (benchmarks/README.md "Heap" gives the sources).</summary>
    public static readonly (string Target, string Boards, int Bytes)[] Targets =
    {
        ("ESP32_PICO", "TTGO LoRa32 (relay, kiosk)", 86_532),
        ("ESP32_REV0", "Heltec LoRa 32, DevKitC + RFM95W", 114_688),
    };

    /// <summary>Budget: half of the smallest heap, leaving the rest to nanoCLR's own use and to fragmentation.</summary>
    public const double Budget = 0.5;

    public static int Run(string[] args)
    {
        string nanoCore = Path.Combine(Skold.Board.Tests.RepoFiles.Root, "build", "nanoframework", "bin", "images", "Skold.Core.dll");
        if (args.Length > 0 && args[0] == "kiosk") { Print(KioskShift.Run()); return 0; }
        if (args.Length > 0 && args[0] == "relay") { Print(RelayBusyMinutes.Run()); return 0; }
        HeapRun relay = RelayBusyMinutes.Run();
        Print(relay);
        HeapRun kiosk = KioskShift.Run();
        Print(kiosk);
        PrintVerify(nanoCore);

        Console.WriteLine();
        Console.WriteLine("| app | peak live (nanoCLR bytes) | " + string.Join(" | ", Targets.Select(t => $"{t.Target} ({t.Bytes:N0} B)")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Targets.Select(_ => "---|")));
        bool fits = true;
        foreach (HeapRun run in new[] { relay, kiosk })
        {
            long peak = run.Peak!.Total;
            Console.WriteLine($"| {run.Name} | {peak:N0} | " + string.Join(" | ", Targets.Select(t => $"{100.0 * peak / t.Bytes:F1}%")) + " |");
            fits &= peak <= Budget * Targets.Min(t => t.Bytes);
        }
        Console.WriteLine(fits ? "both apps within 50% of the smallest heap" : "NOT within 50% of the smallest heap");
        return fits ? 0 : 1;
    }

    private static void Print(HeapRun run)
    {
        Console.WriteLine($"== {run.Name}");
        foreach (string fact in run.Facts)
        {
            Console.WriteLine("  " + fact);
        }
        Console.WriteLine($"  after boot: {run.AfterBoot!.Total:N0} bytes in {run.AfterBoot.Objects:N0} objects");
        foreach (var (kind, count, bytes) in run.AfterBoot.Largest(8))
        {
            Console.WriteLine($"    {bytes,8:N0}  {count,5} x {kind}");
        }
        HeapCensus peak = run.Peak!;
        Console.WriteLine($"  peak of {run.Samples} samples: {peak.Total:N0} bytes in {peak.Objects:N0} objects ({peak.StaticFieldBytes:N0} bytes of them static field slots); largest single block {peak.LargestBlock:N0} bytes");
        Console.WriteLine($"  most allocated by one step (host bytes, an upper bound of its short-lived garbage): {run.MaxStepAllocatedHostBytes:N0}");
        foreach (var (kind, count, bytes) in peak.Largest(8))
        {
            Console.WriteLine($"    {bytes,8:N0}  {count,5} x {kind}");
        }
        Console.WriteLine("  not entered (hardware doubles of the host, or adapters): " + string.Join(", ", peak.Outside.Order()));
    }

    private static void PrintVerify(string nanoCore)
    {
        Console.WriteLine("== Ed25519 verify");
        var ed = new Skold.Crypto.Ed25519();
        var key = ed.CreatePrivateKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        byte[] message = new byte[150];
        byte[] signature = ed.Sign(key, message);
        byte[] publicKey = key.GetPublicKey();
        ed.Verify(signature, message, publicKey);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = ed.Verify(signature, message, publicKey);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"  host allocation per verify: {allocated} bytes (verified: {ok})");

        var depth = new CallDepth(nanoCore);
        var (frames, bytes, chain) = depth.Deepest("Ed25519", "Verify", 7);
        Console.WriteLine($"  costliest call chain: {frames} frames, {bytes:N0} bytes of nanoCLR frames on the heap, recursion: {depth.Recursive}");
        Console.WriteLine("  chain: " + chain);
        Console.WriteLine($"  allocation sites below verify: {depth.Allocations.Count}" + (depth.Allocations.Count > 0 ? " (" + string.Join("; ", depth.Allocations.Distinct().Take(12)) + ")" : ""));
    }
}
