using Skold.Board.Kiosk;
using Skold.Board.Sync;
using Skold.Board.Tests;
using Skold.Board.Tests.Models;

namespace Skold.Benchmarks.Heap;

/// <summary>
/// The station kiosk through a full shift on host models of its parts, as the image wires it
/// (the journal in a 128 KiB file that only grows, the keypad matrix, the HD44780): a hand-out to
/// each of 1,000 households typed on the keypad, a reboot that scans the whole journal, and a sync
/// of the journal to the real ledger in its batches. The live graph is sized as nanoCLR objects.
/// </summary>
internal static class KioskShift
{
    public const int Households = 1000;
    public const int JournalBytes = 128 * 1024;

    public static HeapRun Run()
    {
        var model = new NanoHeapModel();
        var run = new HeapRun("station kiosk, full shift");
        var file = new CommittingFile();
        var bench = new LoopBench(new JournalFile(file, JournalBytes));
        ProvisionedKiosk provisioned = bench.Provisioned;
        KioskStation station = bench.Station;
        run.AfterBoot = model.Measure(station, bench.Loop);
        bench.AroundPass = pass =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            run.NoteStep(GC.GetAllocatedBytesForCurrentThread() - before);
        };

        bench.Type("1#1234#");
        for (int n = 1; n <= Households; n++)
        {
            if (n % 200 == 1)
            {
                // Back to the menu, and a delivery of 200 food parcels (item 2) before each run of 200 households.
                bench.Type(n > 1 ? "*C2200#" : "C2200#");
                bench.Type("*");
            }
            bench.Type((n % 200 == 1 ? "A" : "#") + ProvisionedKiosk.Card(n) + "#2#");
            if (n % 10 == 0)
            {
                run.Sample(model.Measure(station, bench.Loop));
            }
        }
        run.Facts.Add($"journal after the shift: {file.Length} bytes of {JournalBytes}, {station.Journal!.Records} records");
        run.Facts.Add($"screen at the end: {bench.Screen.Row(0).Trim()} / {bench.Screen.Row(1).Trim()}");

        // A power cut and a reboot: the journal is scanned from its start.
        long beforeBoot = GC.GetAllocatedBytesForCurrentThread();
        KioskStation rebooted = KioskStation.Open(provisioned.File, new JournalFile(file, JournalBytes), provisioned.RulesOrder(), bench.Utc + 60, provisioned.Ed);
        run.Facts.Add($"reboot: {rebooted.Journal!.Records} records scanned, {GC.GetAllocatedBytesForCurrentThread() - beforeBoot:N0} host bytes allocated by the scan");
        run.Sample(model.Measure(rebooted));

        // The grid is back: the journal goes to the real ledger in the sync client's batches.
        using var ledger = new MeasuredLedger(new InProcessLedger(provisioned), model, rebooted, run);
        var sync = new LedgerSync(rebooted.Journal, ProvisionedKiosk.StationId, ledger);
        bool done = sync.Run(bench.Utc + 120);
        run.Facts.Add($"sync: {(done ? "done" : "stopped: " + sync.Problem)}, {sync.Acknowledged} records in {sync.Batches} batches");
        return run;
    }

    /// <summary>The ledger over HTTP, sizing the kiosk's live graph while each request body and reply is alive.</summary>
    private sealed class MeasuredLedger(InProcessLedger ledger, NanoHeapModel model, KioskStation station, HeapRun run) : ILedgerHttp, IDisposable
    {
        public int Get(string path, out string body)
        {
            int status = ledger.Get(path, out body);
            run.Sample(model.Measure(station, body));
            return status;
        }

        public int PostJson(string path, string json, out string body)
        {
            run.Sample(model.Measure(station, json));
            int status = ledger.PostJson(path, json, out body);
            run.Sample(model.Measure(station, json, body));
            return status;
        }

        public void Dispose() => ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
