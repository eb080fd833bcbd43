using Skold.Codec;
using Skold.Station;

namespace Skold.Board.Sync
{
    /// <summary>
    /// The kiosk's side of the ledger sync (docs/formats/sync.md), the same steps as the host's
    /// JournalUploader: sign the chain head, ask the ledger how far it holds this station's
    /// journal, check that its head there is ours (else another device wrote under our key:
    /// stop), then send the rest in batches that end after a checkpoint, going on from each
    /// answer's acknowledged and checking its head. Nothing is deleted from the journal.
    /// The journal is read in windows of WindowBytes of record bodies, so the heap holds one
    /// window, not the journal. Run returns false with Problem set when the ledger refuses or
    /// disagrees; a network failure throws out of the ILedgerHttp (run it again later: it
    /// resumes from the ledger's acknowledged).
    /// </summary>
    public sealed class LedgerSync
    {
        public const int DefaultBatch = 64;
        public const int DefaultWindowBytes = 24 * 1024;

        private readonly Journal _journal;
        private readonly int _station;
        private readonly ILedgerHttp _http;

        public LedgerSync(Journal journal, int station, ILedgerHttp http)
        {
            _journal = journal;
            _station = station;
            _http = http;
        }

        public int BatchSize { get; set; } = DefaultBatch;

        public int WindowBytes { get; set; } = DefaultWindowBytes;

        /// <summary>Records the ledger holds, as of its last answer.</summary>
        public long Acknowledged { get; private set; }

        public long Total { get; private set; }

        public int Batches { get; private set; }

        /// <summary>Journal reads (each a full scan); a technician's measure of the sync's cost.</summary>
        public int Reads { get; private set; }

        public string? Problem { get; private set; }

        public bool Run(uint now)
        {
            Problem = null;
            _journal.Checkpoint(now, JournalRecord.CheckpointRequested);
            Total = _journal.Records;
            string path = "sync/" + _station;
            string body;
            int code = _http.Get(path, out body);
            if (code != 200)
            {
                return Fail("the ledger answered " + code + ": " + ErrorOf(body));
            }
            SyncReply status;
            try
            {
                status = SyncReply.ParseStatus(body);
            }
            catch (MalformedDataException e)
            {
                return Fail(e.Message);
            }
            Acknowledged = status.Acknowledged;
            if (status.Station != _station)
            {
                return Fail("the ledger answered for station " + status.Station);
            }
            if (Acknowledged > Total)
            {
                return Fail("the ledger holds " + Acknowledged + " records of station " + _station + ", more than this journal's " + Total + ": is this the station's own journal?");
            }
            SyncWindow window = Read((int)Acknowledged);
            if (Acknowledged > 0 && Hex(window.HeadBeforeFirst) != status.Head)
            {
                return Fail("the ledger holds a different record " + Acknowledged + " for station " + _station + ": report it, this kiosk may be a clone");
            }
            while (Acknowledged < Total)
            {
                int from = (int)Acknowledged;
                if (!Covers(window, from))
                {
                    window = Read(from);
                }
                int windowEnd = window.First + window.Count;
                int end = UploadBatches.End(window.Kinds, windowEnd, from, BatchSize);
                string json = SyncBatchJson.Encode(_station, window.Bodies, from - window.First, end - from);
                code = _http.PostJson(path, json, out body);
                Batches++;
                if (code != 200)
                {
                    return Fail("the ledger refused records " + (from + 1) + ".." + end + " (" + code + "): " + ErrorOf(body));
                }
                SyncReply result;
                try
                {
                    result = SyncReply.ParseStatus(body);
                }
                catch (MalformedDataException e)
                {
                    return Fail(e.Message);
                }
                if (result.Acknowledged > Total)
                {
                    return Fail("the ledger acknowledged record " + result.Acknowledged + " of a journal of " + Total + ": stop and report it");
                }
                if (result.Acknowledged <= Acknowledged)
                {
                    return Fail("the ledger acknowledged nothing past record " + Acknowledged + ": the batch needs a checkpoint");
                }
                int last = (int)result.Acknowledged - 1;
                if (last >= windowEnd || Hex(window.Heads[last - window.First]) != result.Head)
                {
                    return Fail("the ledger's chain head after record " + result.Acknowledged + " differs from this journal's");
                }
                Acknowledged = result.Acknowledged;
            }
            return true;
        }

        private SyncWindow Read(int first)
        {
            SyncWindow window = new SyncWindow(first, WindowBytes, UploadBatches.MaxRecords);
            _journal.Replay(window);
            Reads++;
            return window;
        }

        // Whether the window can give a batch from `from` that ends at a checkpoint (or the journal's end).
        private static bool Covers(SyncWindow window, int from)
        {
            int end = window.First + window.Count;
            if (from < window.First || from >= end)
            {
                return false;
            }
            if (end == window.Total)
            {
                return true;
            }
            for (int i = from; i < end; i++)
            {
                if (window.Kinds[i] == RecordKind.Checkpoint)
                {
                    return true;
                }
            }
            return false;
        }

        private bool Fail(string problem)
        {
            Problem = problem;
            return false;
        }

        private static string ErrorOf(string body)
        {
            try
            {
                string error = SyncReply.Parse(body).Error;
                return error.Length > 0 ? error : "no reason given";
            }
            catch (MalformedDataException)
            {
                return "no reason given";
            }
        }

        private static string Hex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[2 * i + 1] = digits[bytes[i] & 15];
            }
            return new string(text);
        }
    }
}
