using System;
using Skold.Crypto;
using Skold.Station;

namespace Skold.Board.Sync
{
    /// <summary>
    /// One read of the journal for an upload: the kind of every record (where batches end), the
    /// bodies and chain heads of the records from First on, up to a byte budget (the ESP32 cannot
    /// hold a whole journal) passed only to reach the first checkpoint (at most a checkpoint
    /// interval of records), and the chain head before record First (the ledger's acknowledged).
    /// </summary>
    internal sealed class SyncWindow : IJournalReader
    {
        private readonly Sha256 _sha = new Sha256();
        private readonly int _first;
        private readonly int _maxBytes;
        private readonly int _maxRecords;
        private byte[] _head = new byte[32];
        private int[] _kinds = new int[256];
        private bool _full;
        private bool _holdsCheckpoint;
        private int _bytes;

        public SyncWindow(int first, int maxBytes, int maxRecords)
        {
            _first = first;
            _maxBytes = maxBytes;
            _maxRecords = maxRecords;
            Bodies = new byte[maxRecords][];
            Heads = new byte[maxRecords][];
            HeadBeforeFirst = new byte[32];
        }

        /// <summary>Index (0-based) of the first record held.</summary>
        public int First
        {
            get { return _first; }
        }

        /// <summary>Records held from First.</summary>
        public int Count { get; private set; }

        public int Total { get; private set; }

        public int[] Kinds
        {
            get { return _kinds; }
        }

        public byte[][] Bodies { get; }

        /// <summary>Heads[i]: the chain head after record First + i.</summary>
        public byte[][] Heads { get; }

        /// <summary>The chain head after record First - 1 (zeros before record 1).</summary>
        public byte[] HeadBeforeFirst { get; private set; }

        public void Read(JournalRecord journalRecord)
        {
            byte[] body = journalRecord.EncodeBody();
            int index = Total;
            if (index == _kinds.Length)
            {
                int[] grown = new int[_kinds.Length * 2];
                Array.Copy(_kinds, grown, _kinds.Length);
                _kinds = grown;
            }
            _kinds[index] = journalRecord.Kind;
            if (index == _first)
            {
                HeadBeforeFirst = _head;
            }
            _head = JournalScan.NextHead(_sha, _head, body);
            if (index >= _first && !_full)
            {
                // The budget ends a window only once it holds a checkpoint: a batch must end at one.
                if (Count == _maxRecords || (_holdsCheckpoint && _bytes + body.Length > _maxBytes))
                {
                    _full = true;
                }
                else
                {
                    Bodies[Count] = body;
                    Heads[Count] = _head;
                    _bytes += body.Length;
                    Count++;
                    _holdsCheckpoint |= journalRecord.Kind == RecordKind.Checkpoint;
                }
            }
            Total = index + 1;
            if (_first == Total)
            {
                HeadBeforeFirst = _head;
            }
        }
    }
}
