using System;
using Skold.Crypto;

namespace Skold.Station
{
    /// <summary>
    /// The station's append-only journal on flash (docs/formats/journal.md). Open scans and
    /// judges what is there, cuts a torn tail by marking it discarded (one byte cleared, never
    /// a rewrite), and refuses a corrupt journal. Append returns only once the entry is synced:
    /// from then on no power cut during a later write can lose or alter it. The station key
    /// signs the chain head every CheckpointInterval records and at Close.
    /// </summary>
    public sealed class Journal
    {
        public const int WarningPercent = 80;
        public const int DefaultCheckpointInterval = 64;
        public const int CheckpointEntrySize = JournalScan.EntryOverhead + JournalRecord.HeadSize + 1 + Ed25519.SignatureSize;

        /// <summary>
        /// Kept free so a full journal can still log its operator out and sign its head, even when
        /// power fails during that last checkpoint (the torn one is discarded, the retry fits).
        /// </summary>
        public const int ClosingReserve = JournalScan.EntryOverhead + JournalRecord.HeadSize + 2 * CheckpointEntrySize;

        private readonly IJournalStorage _storage;
        private readonly Ed25519 _ed;
        private readonly Ed25519PrivateKey _stationKey;
        private readonly Sha256 _sha = new Sha256();
        private readonly int _stationId;
        private readonly byte[] _councilId;
        private readonly int _checkpointInterval;
        private byte[] _head;
        private int _end;
        private bool _broken;
        private int _lastKind;

        private Journal(IJournalStorage storage, Ed25519 ed, Ed25519PrivateKey stationKey, int stationId, byte[] councilId, int checkpointInterval, JournalScan scan)
        {
            _storage = storage;
            _ed = ed;
            _stationKey = stationKey;
            _stationId = stationId;
            _councilId = councilId;
            _checkpointInterval = checkpointInterval;
            _head = scan.Head;
            _end = scan.End;
            Records = scan.Records;
            CheckpointedRecords = scan.CheckpointedRecords;
            _lastKind = scan.LastKind;
            LastTime = scan.LastTime;
        }

        /// <summary>The last committed sequence number, which is also the number of records.</summary>
        public uint Records { get; private set; }

        public uint CheckpointedRecords { get; private set; }

        /// <summary>The time of the last record: a kiosk whose clock reads earlier has lost its time.</summary>
        public uint LastTime { get; private set; }

        public byte[] Head
        {
            get
            {
                byte[] copy = new byte[_head.Length];
                Array.Copy(_head, copy, copy.Length);
                return copy;
            }
        }

        public int UsedBytes
        {
            get { return _end; }
        }

        public int Size
        {
            get { return _storage.Size; }
        }

        public int UsedPercent
        {
            get { return (int)((long)_end * 100 / _storage.Size); }
        }

        public bool NearlyFull
        {
            get { return UsedPercent >= WarningPercent; }
        }

        /// <summary>
        /// Opens the journal on storage for a station, replaying every committed record into
        /// reader. An empty partition gets its opened record. Throws JournalCorruptException when
        /// the content is damaged or belongs to another station, council or crisis key.
        /// </summary>
        public static Journal Open(IJournalStorage storage, Ed25519 ed, Ed25519PrivateKey stationKey, int stationId,
            byte[] councilId, byte[] crisisKeyId, uint now, int checkpointInterval, IJournalReader? reader)
        {
            if (checkpointInterval < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(checkpointInterval), "checkpoint at least every record");
            }
            JournalScan scan = JournalScan.Run(storage, ed, reader);
            if (!scan.Valid)
            {
                throw new JournalCorruptException("the journal is damaged: " + scan.Error);
            }
            Journal journal = new Journal(storage, ed, stationKey, stationId, councilId, checkpointInterval, scan);
            byte[] publicKey = stationKey.GetPublicKey();
            bool theirs = scan.Records > 0 && (scan.StationId != stationId || !Bytes.SameBytes(scan.StationPublicKey, publicKey)
                || !Bytes.SameBytes(scan.CouncilId, councilId) || !Bytes.SameBytes(scan.CrisisKeyId, crisisKeyId));
            if (theirs)
            {
                // Checked before anything is written: another station's flash stays untouched.
                throw new JournalCorruptException("this journal was opened by station " + scan.StationId
                    + " with another key, council or crisis key; it cannot be continued here");
            }
            if (scan.TornTailBytes > 0)
            {
                journal.Discard(scan.TornTailOffset);
            }
            if (scan.Records == 0)
            {
                JournalRecord opened = JournalRecord.Opened(now, stationId, publicKey, councilId, crisisKeyId);
                journal.Append(opened);
                if (reader != null)
                {
                    reader.Read(opened);
                }
            }
            return journal;
        }

        /// <summary>Whether a record of this body size still fits, keeping room for a logout and the closing checkpoint.</summary>
        public bool HasRoomFor(int bodySize)
        {
            // A periodic checkpoint the record makes due comes out of the same room.
            bool checkpointDue = Records + 1 - CheckpointedRecords >= (uint)_checkpointInterval;
            return _end + JournalScan.EntryOverhead + bodySize + (checkpointDue ? CheckpointEntrySize : 0) + ClosingReserve <= _storage.Size;
        }

        /// <summary>Commits a record (sequence and link are filled in) and, when due, a checkpoint.</summary>
        public JournalRecord Append(JournalRecord journalRecord)
        {
            Write(journalRecord, journalRecord.Kind == RecordKind.Logout);
            if (Records - CheckpointedRecords >= (uint)_checkpointInterval)
            {
                Checkpoint(journalRecord.Time, JournalRecord.CheckpointPeriodic);
            }
            return journalRecord;
        }

        /// <summary>Signs the chain head now (at shutdown, before a sync); nothing to do when the head is signed already.</summary>
        public void Checkpoint(uint time, int reason)
        {
            if (Records == 0 || _lastKind == RecordKind.Checkpoint)
            {
                return;
            }
            byte[] signature = new byte[Ed25519.SignatureSize];
            byte[] message = JournalScan.CheckpointMessage(_councilId, _stationId, Records, _head, time, reason);
            _ed.Sign(_stationKey, message, 0, message.Length, signature, 0);
            Write(JournalRecord.Checkpoint(time, reason, signature), true);
            CheckpointedRecords = Records - 1;
        }

        private void Write(JournalRecord journalRecord, bool reserved)
        {
            if (_broken)
            {
                throw new InvalidOperationException("a write to the journal failed; restart the station to reopen it");
            }
            journalRecord.Sequence = Records + 1;
            journalRecord.Link = new byte[JournalRecord.LinkSize];
            Array.Copy(_head, journalRecord.Link, JournalRecord.LinkSize);
            byte[] body = journalRecord.EncodeBody();
            int extent = JournalScan.EntryOverhead + body.Length;
            if (reserved ? _end + extent > _storage.Size : !HasRoomFor(body.Length))
            {
                throw new JournalFullException("the journal is full (" + Records + " records): sync it to the ledger and start a new one");
            }
            byte[] entry = new byte[extent];
            entry[0] = (byte)body.Length;
            entry[1] = JournalScan.Live;
            Array.Copy(body, 0, entry, 2, body.Length);
            Bytes.WriteUInt32LittleEndian(entry, 2 + body.Length, JournalScan.EntryCrc(entry, body.Length));
            _broken = true;
            _storage.Write(_end, entry, 0, extent);
            _storage.Sync();
            _broken = false;
            _end += extent;
            _head = JournalScan.NextHead(_sha, _head, body);
            Records = journalRecord.Sequence;
            _lastKind = journalRecord.Kind;
            if (journalRecord.Time > LastTime)
            {
                LastTime = journalRecord.Time;
            }
        }

        /// <summary>Reads every committed record again, in order (after the rules change, the book is rebuilt).</summary>
        public void Replay(IJournalReader reader)
        {
            JournalScan scan = JournalScan.Run(_storage, _ed, reader);
            if (!scan.Valid)
            {
                throw new JournalCorruptException("the journal is damaged: " + scan.Error);
            }
        }

        private void Discard(int offset)
        {
            byte[] length = new byte[1];
            _storage.Read(offset, length, 0, 1);
            int extent = length[0] > JournalScan.MaxBody ? JournalScan.TornLengthStubSize : JournalScan.EntryOverhead + length[0];
            if (offset + extent > _storage.Size)
            {
                // A file cut short: nothing fits after it anyway.
                _end = _storage.Size;
                return;
            }
            byte[] mark = { JournalScan.Discarded };
            _storage.Write(offset + 1, mark, 0, 1);
            _storage.Sync();
            _end = offset + extent;
        }

    }
}
