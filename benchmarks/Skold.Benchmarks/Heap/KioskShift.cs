using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Sync;
using Skold.Board.Tests;
using Skold.Board.Tests.Models;
using Skold.Tests.Portable;

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
    private const long PassMs = 10;

    public static HeapRun Run()
    {
        var model = new NanoHeapModel();
        var run = new HeapRun("station kiosk, full shift");
        var provisioned = new ProvisionedKiosk();
        var file = new CommittingFile();
        var keys = new KeypadMatrix();
        var screen = new Hd44780Model();
        var signals = new SignalRecorder();
        uint utc = TestCouncil.Now;
        long now = 0;

        KioskStation station = KioskStation.Open(provisioned.File, new JournalFile(file, JournalBytes), provisioned.RulesOrder(food: 2), utc, provisioned.Ed);
        var loop = new KioskLoop(station, new KeypadScanner(keys, KeypadLayout.Standard, KeypadScanner.DefaultStableScans), new Hd44780(screen), new SignalPlayer(signals));
        loop.Start(now);
        run.AfterBoot = model.Measure(station, loop);

        void Pass(long ms)
        {
            for (long end = now + ms; now < end;)
            {
                now += PassMs;
                utc = TestCouncil.Now + (uint)(now / 1000);
                signals.Now = now;
                long before = GC.GetAllocatedBytesForCurrentThread();
                loop.Step(now, utc);
                run.NoteStep(GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
        void Type(string text)
        {
            foreach (char key in text)
            {
                keys.Press(key);
                Pass(80);
                keys.Release(key);
                Pass(80);
            }
        }

        Type("1#1234#");
        for (int n = 1; n <= Households; n++)
        {
            if (n % 200 == 1)
            {
                // Back to the menu, and a delivery of 200 food parcels (item 2) before each run of 200 households.
                Type(n > 1 ? "*C2200#" : "C2200#");
                Type("*");
            }
            Type((n % 200 == 1 ? "A" : "#") + ProvisionedKiosk.Card(n) + "#2#");
            if (n % 10 == 0)
            {
                run.Sample(model.Measure(station, loop));
            }
        }
        run.Facts.Add($"journal after the shift: {file.Length} bytes of {JournalBytes}, {station.Journal!.Records} records");
        run.Facts.Add($"screen at the end: {screen.Row(0).Trim()} / {screen.Row(1).Trim()}");

        // A power cut and a reboot: the journal is scanned from its start.
        long beforeBoot = GC.GetAllocatedBytesForCurrentThread();
        KioskStation rebooted = KioskStation.Open(provisioned.File, new JournalFile(file, JournalBytes), provisioned.RulesOrder(food: 2), utc + 60, provisioned.Ed);
        run.Facts.Add($"reboot: {rebooted.Journal!.Records} records scanned, {GC.GetAllocatedBytesForCurrentThread() - beforeBoot:N0} host bytes allocated by the scan");
        run.Sample(model.Measure(rebooted));

        // The grid is back: the journal goes to the real ledger in the sync client's batches.
        using var ledger = new MeasuredLedger(new InProcessLedger(provisioned), model, rebooted, run);
        var sync = new LedgerSync(rebooted.Journal, ProvisionedKiosk.StationId, ledger);
        bool done = sync.Run(utc + 120);
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
