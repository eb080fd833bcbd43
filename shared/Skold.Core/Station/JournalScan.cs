using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Station
{
    /// <summary>
    /// Reads a journal partition from the start and judges it (docs/formats/journal.md): every
    /// entry's CRC, the sequence, the hash chain and every checkpoint signature. Damage that a
    /// power cut can leave (an unfinished last entry followed only by erased flash) is a torn
    /// tail and the journal stays valid; anything else is corruption. Never throws on content.
    /// </summary>
    public sealed class JournalScan
    {
        public const int EntryOverhead = 6;
        public const int MaxBody = 250;
        public const int TornLengthStubSize = 2;
        public const byte Erased = 0xff;
        public const byte Live = 0xff;
        public const byte Discarded = 0x00;

        private static readonly byte[] CheckpointDomain = TextCodec.Encode("SKOLD-CHECKPOINT-v1");

        private JournalScan()
        {
            Head = new byte[Sha256.DigestSize];
            CouncilId = new byte[32];
            StationPublicKey = new byte[32];
            CrisisKeyId = new byte[JournalRecord.CrisisKeyIdSize];
        }

        public bool Valid { get; private set; }

        /// <summary>Why the journal is not valid; null when it is.</summary>
        public string? Error { get; private set; }

        /// <summary>Committed records, which is also the last sequence number.</summary>
        public uint Records { get; private set; }

        /// <summary>The chain hash after the last committed record (32 zero bytes for an empty journal).</summary>
        public byte[] Head { get; private set; }

        /// <summary>Where the next entry goes.</summary>
        public int End { get; private set; }

        public int TornTailOffset { get; private set; }

        /// <summary>Bytes of an unfinished last write (0 when there is none); the journal is still valid.</summary>
        public int TornTailBytes { get; private set; }

        /// <summary>Torn writes cut at an earlier boot, skipped by the scan.</summary>
        public int DiscardedEntries { get; private set; }

        public int Checkpoints { get; private set; }

        /// <summary>The sequence of the last record a checkpoint signature covers; 0 when none.</summary>
        public uint CheckpointedRecords { get; private set; }

        /// <summary>The time of the last committed record (SkoldTime); 0 for an empty journal.</summary>
        public uint LastTime { get; private set; }

        /// <summary>The kind of the last committed record; 0 for an empty journal.</summary>
        public int LastKind { get; private set; }

        public int StationId { get; private set; }

        public byte[] StationPublicKey { get; private set; }

        public byte[] CouncilId { get; private set; }

        public byte[] CrisisKeyId { get; private set; }

        public static JournalScan Run(IJournalStorage storage, Ed25519 ed, IJournalReader? reader)
        {
            JournalScan scan = new JournalScan();
            scan.Walk(storage, ed, reader);
            return scan;
        }

        /// <summary>
        /// What a checkpoint signs: domain, 0, council id, station (u16 LE), the sequence and chain
        /// hash of the record before it, and the checkpoint's own time (u32 LE) and reason (u8), so
        /// no byte of a stored checkpoint is left unsigned.
        /// </summary>
        public static byte[] CheckpointMessage(byte[] councilId, int stationId, uint sequence, byte[] head, uint time, int reason)
        {
            byte[] message = new byte[CheckpointDomain.Length + 1 + 32 + 2 + 4 + 32 + 4 + 1];
            int at = 0;
            Array.Copy(CheckpointDomain, message, CheckpointDomain.Length);
            at += CheckpointDomain.Length + 1;
            Array.Copy(councilId, 0, message, at, 32);
            at += 32;
            message[at++] = (byte)stationId;
            message[at++] = (byte)(stationId >> 8);
            Bytes.WriteUInt32LittleEndian(message, at, sequence);
            at += 4;
            Array.Copy(head, 0, message, at, 32);
            at += 32;
            Bytes.WriteUInt32LittleEndian(message, at, time);
            message[at + 4] = (byte)reason;
            return message;
        }

        public static byte[] NextHead(Sha256 sha, byte[] head, byte[] body)
        {
            return NextHead(sha, head, body, 0, body.Length);
        }

        /// <summary>The chain hash after a record whose body is data[offset..offset+count).</summary>
        public static byte[] NextHead(Sha256 sha, byte[] head, byte[] data, int offset, int count)
        {
            sha.Reset();
            sha.Update(head);
            sha.Update(data, offset, count);
            return sha.Finish();
        }

        private void Walk(IJournalStorage storage, Ed25519 ed, IJournalReader? reader)
        {
            int size = storage.Size;
            byte[] entry = new byte[EntryOverhead + MaxBody];
            Sha256 sha = new Sha256();
            int position = 0;
            // Where erased flash must begin: everything from here on is checked once at the end.
            int erasedFrom = size;
            while (position < size)
            {
                storage.Read(position, entry, 0, 1);
                int length = entry[0];
                if (length == Erased)
                {
                    erasedFrom = position;
                    break;
                }
                if (length == 0)
                {
                    Fail("offset " + position + ": an entry of length 0 after record " + Records);
                    return;
                }
                int extent = length > MaxBody ? TornLengthStubSize : EntryOverhead + length;
                if (position + extent > size)
                {
                    // Only a file cut short ends inside an entry, and then its last byte is the entry's, not
                    // erased flash; a damaged length byte in a partition with room left is damage.
                    byte[] last = new byte[1];
                    storage.Read(size - 1, last, 0, 1);
                    if (last[0] == Erased || IntactUnderAnotherLength(storage, position))
                    {
                        Fail("offset " + position + ": the entry after record " + Records + " claims more bytes than the partition holds");
                        return;
                    }
                    TornTailOffset = position;
                    TornTailBytes = size - position;
                    position = size;
                    break;
                }
                storage.Read(position, entry, 0, extent);
                bool live = entry[1] == Live;
                bool intact = length <= MaxBody && EntryCrc(entry, length) == Bytes.ReadUInt32LittleEndian(entry, 2 + length);
                if (!live)
                {
                    if (intact)
                    {
                        Fail("offset " + position + ": an intact record is marked discarded (after record " + Records + ")");
                        return;
                    }
                    DiscardedEntries++;
                    position += extent;
                    continue;
                }
                if (!intact)
                {
                    if (LooksTorn(entry, length, extent) && ErasedFrom(storage, position + extent) && !IntactUnderAnotherLength(storage, position))
                    {
                        TornTailOffset = position;
                        TornTailBytes = WrittenBytes(entry, extent);
                        break;
                    }
                    Fail("offset " + position + ": the entry after record " + Records + " is damaged (CRC mismatch) and more data follows");
                    return;
                }
                JournalRecord journalRecord;
                try
                {
                    journalRecord = JournalRecord.DecodeBody(entry, 2, length);
                }
                catch (MalformedDataException e)
                {
                    Fail("offset " + position + ": record " + (Records + 1) + " is malformed: " + e.Message);
                    return;
                }
                string? problem = Check(journalRecord, ed);
                if (problem != null)
                {
                    Fail("record " + (Records + 1) + " at offset " + position + ": " + problem);
                    return;
                }
                Head = NextHead(sha, Head, entry, 2, length);
                Records = journalRecord.Sequence;
                LastKind = journalRecord.Kind;
                LastTime = journalRecord.Time;
                position += extent;
                if (reader != null)
                {
                    reader.Read(journalRecord);
                }
            }
            End = position;
            int stray = FirstWritten(storage, erasedFrom);
            if (stray >= 0)
            {
                Fail("offset " + stray + ": data after the end of the journal (record " + Records + ")");
                return;
            }
            Valid = true;
        }

        private string? Check(JournalRecord journalRecord, Ed25519 ed)
        {
            if (journalRecord.Sequence != Records + 1)
            {
                return "sequence " + journalRecord.Sequence + " where " + (Records + 1) + " was due";
            }
            if (!Bytes.FixedTimeEquals(journalRecord.Link, 0, Head, 0, JournalRecord.LinkSize))
            {
                return "its link does not match the chain (a record before it was changed or removed)";
            }
            if ((journalRecord.Kind == RecordKind.Opened) != (journalRecord.Sequence == 1))
            {
                return journalRecord.Sequence == 1 ? "a journal starts with its opened record" : "a second opened record";
            }
            if (journalRecord.Kind == RecordKind.Opened)
            {
                StationId = journalRecord.Code;
                StationPublicKey = journalRecord.StationPublicKey;
                CouncilId = journalRecord.CouncilId;
                CrisisKeyId = journalRecord.CrisisKeyId;
            }
            if (journalRecord.Kind == RecordKind.Checkpoint)
            {
                byte[] message = CheckpointMessage(CouncilId, StationId, Records, Head, journalRecord.Time, journalRecord.Code);
                if (!ed.Verify(journalRecord.Blob, message, StationPublicKey))
                {
                    return "the checkpoint signature does not verify with the station key";
                }
                Checkpoints++;
                CheckpointedRecords = Records;
            }
            return null;
        }

        // A write cut by power leaves the entry's later bytes erased, or at worst its last byte
        // half-programmed; a complete entry that fails its CRC was damaged after it was committed.
        private static bool LooksTorn(byte[] entry, int length, int extent)
        {
            if (length > MaxBody || entry[extent - 1] == Erased)
            {
                return true;
            }
            uint crc = EntryCrc(entry, length);
            int at = 2 + length;
            return entry[at] == (byte)crc && entry[at + 1] == (byte)(crc >> 8) && entry[at + 2] == (byte)(crc >> 16);
        }

        // A committed entry whose length byte was damaged can pass for a torn write; its body and CRC
        // still agree under its true length, which a torn write's never do (but by a 2^-32 chance).
        private static bool IntactUnderAnotherLength(IJournalStorage storage, int position)
        {
            int available = storage.Size - position;
            if (available > EntryOverhead + MaxBody)
            {
                available = EntryOverhead + MaxBody;
            }
            byte[] entry = new byte[EntryOverhead + MaxBody];
            storage.Read(position, entry, 0, available);
            if (entry[1] != Live)
            {
                return false;
            }
            byte original = entry[0];
            for (int length = 1; length <= MaxBody && EntryOverhead + length <= available; length++)
            {
                entry[0] = (byte)length;
                if (length != original && EntryCrc(entry, length) == Bytes.ReadUInt32LittleEndian(entry, 2 + length))
                {
                    return true;
                }
            }
            return false;
        }


        private static int WrittenBytes(byte[] entry, int extent)
        {
            int last = extent - 1;
            while (last > 0 && entry[last] == Erased)
            {
                last--;
            }
            return last + 1;
        }

        private static bool ErasedFrom(IJournalStorage storage, int offset)
        {
            return FirstWritten(storage, offset) < 0;
        }

        private static int FirstWritten(IJournalStorage storage, int offset)
        {
            byte[] chunk = new byte[256];
            int size = storage.Size;
            while (offset < size)
            {
                int count = size - offset < chunk.Length ? size - offset : chunk.Length;
                storage.Read(offset, chunk, 0, count);
                for (int i = 0; i < count; i++)
                {
                    if (chunk[i] != Erased)
                    {
                        return offset + i;
                    }
                }
                offset += count;
            }
            return -1;
        }

        /// <summary>The CRC of an entry: its length byte and body, not the state byte between them.</summary>
        public static uint EntryCrc(byte[] entry, int length)
        {
            return Crc32.Append(Crc32.Compute(entry, 0, 1), entry, 2, length);
        }

        private void Fail(string error)
        {
            Valid = false;
            Error = error;
        }
    }
}
