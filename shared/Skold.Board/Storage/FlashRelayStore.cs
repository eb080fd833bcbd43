using System;
using Skold.Crypto;
using Skold.Mesh;

namespace Skold.Board.Storage
{
    /// <summary>
    /// The relay's memory on flash (IRelayStore): seen frame keys and held orders, in two slot
    /// files that survive a power cut at any byte (docs/formats/relay-store.md). Each slot is a
    /// snapshot guarded by a CRC, followed by appended records that each carry their own CRC.
    /// Appends go to the current slot; when it grows past CompactAfterBytes the live content is
    /// written as a new snapshot into the other slot with the next generation number, so the
    /// current slot is never rewritten in place. At boot the valid slot with the highest generation
    /// wins; a torn last record is dropped, and the slot is compacted at once so later appends are
    /// not hidden behind it. Holds at most SeenCapacity keys and MaxOrders orders (newest kept).
    /// Only the keys and an index of the orders (id, place, length) are in RAM: an order is read
    /// from flash when the engine sends or compares it, and compaction streams the orders from one
    /// slot to the other through a small buffer, so no allocation grows with what the store holds.
    /// </summary>
    public sealed class FlashRelayStore : IRelayStore
    {
        public const string SlotA = "relay.a";
        public const string SlotB = "relay.b";
        public const int HeaderSize = 24;
        public const int RecordOverhead = 7;
        public const int TypeSeen = 1;
        public const int TypeOrder = 2;
        public const int Version = 1;
        /// <summary>The largest message the mesh carries (15 fragments): any order a relay can accept, it can keep.</summary>
        public const int MaxRecordPayload = Frame.MaxPayload * Frame.MaxFragments;

        private static readonly byte[] Magic = { 0x53, 0x4b, 0x52, 0x53 }; // "SKRS"

        private readonly IFlashFiles _files;
        private readonly long[] _seen;
        private readonly uint[] _orderIds;
        private readonly int[] _orderAt;
        private readonly int[] _orderLength;
        private readonly byte[] _chunk = new byte[ChunkSize];
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.DigestSize];
        private int _orderCount;
        private int _seenCount;
        private int _seenNext;
        private string _current = SlotA;
        private uint _generation;
        private int _appendedBytes;
        private int _currentLength;

        /// <summary>Bytes read or written at a time when streaming records (a seen-key record is 15).</summary>
        private const int ChunkSize = 240;

        public FlashRelayStore(IFlashFiles files, int seenCapacity, int maxOrders, int compactAfterBytes)
        {
            if (seenCapacity < 1 || maxOrders < 1 || compactAfterBytes < 1)
            {
                throw new ArgumentException("the relay store needs room for at least one key, one order and one record");
            }
            _files = files;
            _seen = new long[seenCapacity];
            _orderIds = new uint[maxOrders];
            _orderAt = new int[maxOrders];
            _orderLength = new int[maxOrders];
            MaxOrders = maxOrders;
            CompactAfterBytes = compactAfterBytes;
            Open();
        }

        public int MaxOrders { get; }

        public int CompactAfterBytes { get; }

        /// <summary>Records dropped at boot because they were torn or damaged (0 after a clean shutdown).</summary>
        public int DroppedAtBoot { get; private set; }

        /// <summary>The slot appends go to, and its generation (for status and tests).</summary>
        public string CurrentSlot
        {
            get { return _current; }
        }

        public uint Generation
        {
            get { return _generation; }
        }

        public void AppendSeen(long frameKey)
        {
            byte[] payload = new byte[8];
            WriteInt64(payload, 0, frameKey);
            AppendRecord(TypeSeen, payload);
            RememberSeen(frameKey);
        }

        public void AppendOrder(uint messageId, byte[] message)
        {
            if (message == null || message.Length == 0 || message.Length > MaxRecordPayload)
            {
                throw new ArgumentException("an order to keep is 1.." + MaxRecordPayload + " bytes");
            }
            int at = AppendRecord(TypeOrder, message);
            RememberOrder(messageId, at + 3, message.Length);
        }

        public long[] LoadSeen(int maxCount)
        {
            int count = _seenCount < maxCount ? _seenCount : maxCount;
            long[] result = new long[count < 0 ? 0 : count];
            for (int i = 0; i < result.Length; i++)
            {
                // Oldest first: the newest count keys end just before _seenNext.
                int index = (_seenNext - result.Length + i + _seen.Length) % _seen.Length;
                result[i] = _seen[index];
            }
            return result;
        }

        public uint[] OrderIds()
        {
            uint[] ids = new uint[_orderCount];
            Array.Copy(_orderIds, ids, _orderCount);
            return ids;
        }

        public int OrderLength(uint messageId)
        {
            int i = IndexOfOrder(messageId);
            return i < 0 ? 0 : _orderLength[i];
        }

        public bool ReadOrder(uint messageId, int at, byte[] buffer, int offset, int count)
        {
            int i = IndexOfOrder(messageId);
            if (i < 0 || at < 0 || count < 0 || at + count > _orderLength[i])
            {
                return false;
            }
            return _files.Read(_current, _orderAt[i] + at, buffer, offset, count) == count;
        }

        private void Open()
        {
            uint genA = ValidGeneration(SlotA);
            uint genB = ValidGeneration(SlotB);
            if (genA == 0 && genB == 0)
            {
                // A new board, or neither slot complete (only possible before the first snapshot finished).
                _current = SlotB;
                _generation = 0;
                Compact();
                return;
            }
            bool useA = genA >= genB;
            _current = useA ? SlotA : SlotB;
            _generation = useA ? genA : genB;
            _currentLength = _files.Length(_current);
            int end = ReadRecords(HeaderSize, _currentLength);
            _appendedBytes = end - HeaderSize - (int)ReadUInt32(Header(_current), 12);
            if (end < _currentLength)
            {
                DroppedAtBoot++;
                Compact();
            }
        }

        private byte[] Header(string slot)
        {
            byte[] header = new byte[HeaderSize];
            return _files.Read(slot, 0, header, 0, HeaderSize) == HeaderSize ? header : new byte[0];
        }

        /// <summary>The slot's generation when its header and snapshot are intact, else 0.</summary>
        private uint ValidGeneration(string slot)
        {
            int length = _files.Length(slot);
            if (length < HeaderSize)
            {
                return 0;
            }
            byte[] header = Header(slot);
            if (header.Length < HeaderSize)
            {
                return 0;
            }
            for (int i = 0; i < Magic.Length; i++)
            {
                if (header[i] != Magic[i])
                {
                    return 0;
                }
            }
            if (header[4] != Version || Crc32.Compute(header, 0, 20) != ReadUInt32(header, 20))
            {
                return 0;
            }
            uint snapshotLength = ReadUInt32(header, 12);
            if (snapshotLength > (uint)(length - HeaderSize) || Crc(slot, HeaderSize, (int)snapshotLength) != ReadUInt32(header, 16))
            {
                return 0;
            }
            return ReadUInt32(header, 8);
        }

        /// <summary>Indexes the current slot's records from at until a torn or damaged one; returns where the good ones end.</summary>
        private int ReadRecords(int at, int end)
        {
            while (at + RecordOverhead <= end)
            {
                if (_files.Read(_current, at, _chunk, 0, 3) != 3)
                {
                    return at;
                }
                int type = _chunk[0];
                int length = _chunk[1] | (_chunk[2] << 8);
                if ((type != TypeSeen && type != TypeOrder) || length > MaxRecordPayload || at + RecordOverhead + length > end
                    || (type == TypeSeen && length != 8) || length == 0)
                {
                    return at;
                }
                if (_files.Read(_current, at + 3 + length, _digest, 0, 4) != 4 || Crc(_current, at, 3 + length) != ReadUInt32(_digest, 0))
                {
                    return at;
                }
                if (type == TypeSeen)
                {
                    _files.Read(_current, at + 3, _chunk, 0, 8);
                    RememberSeen(ReadInt64(_chunk, 0));
                }
                else
                {
                    RememberOrder(MessageIdOf(_current, at + 3, length), at + 3, length);
                }
                at += RecordOverhead + length;
            }
            return at;
        }

        /// <summary>Appends one record to the current slot, compacting first when the slot is due; returns where the record starts.</summary>
        private int AppendRecord(int type, byte[] payload)
        {
            if (_appendedBytes + RecordOverhead + payload.Length > CompactAfterBytes)
            {
                Compact();
            }
            byte[] entry = new byte[RecordOverhead + payload.Length];
            PutRecord(entry, 0, type, payload);
            int at = _currentLength;
            _files.Append(_current, entry, 0, entry.Length);
            _appendedBytes += entry.Length;
            _currentLength += entry.Length;
            return at;
        }

        /// <summary>
        /// Writes everything held as a snapshot into the other slot, which then becomes current: the
        /// header first (its CRC computed by a first pass over the records), then the records a
        /// chunk at a time, the orders copied as they are from the current slot.
        /// </summary>
        private void Compact()
        {
            int seen = _seenCount < _seen.Length ? _seenCount : _seen.Length;
            long[] keys = LoadSeen(seen);
            int snapshot = seen * (RecordOverhead + 8);
            uint crc = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                crc = Crc32.Append(crc, SeenRecord(keys[i]), 0, RecordOverhead + 8);
            }
            for (int i = 0; i < _orderCount; i++)
            {
                crc = Crc(_current, _orderAt[i] - 3, RecordOverhead + _orderLength[i], crc);
                snapshot += RecordOverhead + _orderLength[i];
            }
            uint generation = _generation + 1;
            byte[] header = new byte[HeaderSize];
            Array.Copy(Magic, header, Magic.Length);
            header[4] = Version;
            WriteUInt32(header, 8, generation);
            WriteUInt32(header, 12, (uint)snapshot);
            WriteUInt32(header, 16, crc);
            WriteUInt32(header, 20, Crc32.Compute(header, 0, 20));
            string next = _current == SlotA ? SlotB : SlotA;
            _files.Write(next, header, 0, HeaderSize);
            int at = HeaderSize;
            for (int i = 0; i < keys.Length; i++)
            {
                _files.Append(next, SeenRecord(keys[i]), 0, RecordOverhead + 8);
                at += RecordOverhead + 8;
            }
            int[] moved = new int[_orderCount];
            for (int i = 0; i < _orderCount; i++)
            {
                moved[i] = at + 3;
                int from = _orderAt[i] - 3;
                int left = RecordOverhead + _orderLength[i];
                while (left > 0)
                {
                    int n = left < ChunkSize ? left : ChunkSize;
                    _files.Read(_current, from, _chunk, 0, n);
                    _files.Append(next, _chunk, 0, n);
                    from += n;
                    left -= n;
                }
                at += RecordOverhead + _orderLength[i];
            }
            // Only now, with the new slot complete on flash, does it become the one appended to and read from.
            Array.Copy(moved, _orderAt, moved.Length);
            _current = next;
            _generation = generation;
            _appendedBytes = 0;
            _currentLength = at;
        }

        private byte[] SeenRecord(long key)
        {
            byte[] payload = new byte[8];
            WriteInt64(payload, 0, key);
            PutRecord(_chunk, 0, TypeSeen, payload);
            return _chunk;
        }

        private uint Crc(string slot, int at, int count)
        {
            return Crc(slot, at, count, 0);
        }

        /// <summary>CRC-32 of count bytes of a slot from at, continuing crc, read a chunk at a time.</summary>
        private uint Crc(string slot, int at, int count, uint crc)
        {
            while (count > 0)
            {
                int n = count < ChunkSize ? count : ChunkSize;
                if (_files.Read(slot, at, _chunk, 0, n) != n)
                {
                    return ~crc;
                }
                crc = Crc32.Append(crc, _chunk, 0, n);
                at += n;
                count -= n;
            }
            return crc;
        }

        /// <summary>The message id (first four bytes of SHA-256) of an order on flash, read a chunk at a time.</summary>
        private uint MessageIdOf(string slot, int at, int count)
        {
            _sha.Reset();
            while (count > 0)
            {
                int n = count < ChunkSize ? count : ChunkSize;
                _files.Read(slot, at, _chunk, 0, n);
                _sha.Update(_chunk, 0, n);
                at += n;
                count -= n;
            }
            _sha.Finish(_digest, 0);
            return ReadUInt32(_digest, 0);
        }

        private static int PutRecord(byte[] into, int at, int type, byte[] payload)
        {
            into[at] = (byte)type;
            into[at + 1] = (byte)payload.Length;
            into[at + 2] = (byte)(payload.Length >> 8);
            Array.Copy(payload, 0, into, at + 3, payload.Length);
            WriteUInt32(into, at + 3 + payload.Length, Crc32.Compute(into, at, 3 + payload.Length));
            return RecordOverhead + payload.Length;
        }

        private void RememberSeen(long key)
        {
            _seen[_seenNext] = key;
            _seenNext = (_seenNext + 1) % _seen.Length;
            if (_seenCount < _seen.Length)
            {
                _seenCount++;
            }
        }

        private void RememberOrder(uint id, int at, int length)
        {
            if (_orderCount == MaxOrders)
            {
                Array.Copy(_orderIds, 1, _orderIds, 0, MaxOrders - 1);
                Array.Copy(_orderAt, 1, _orderAt, 0, MaxOrders - 1);
                Array.Copy(_orderLength, 1, _orderLength, 0, MaxOrders - 1);
                _orderCount--;
            }
            _orderIds[_orderCount] = id;
            _orderAt[_orderCount] = at;
            _orderLength[_orderCount] = length;
            _orderCount++;
        }

        private int IndexOfOrder(uint id)
        {
            // Newest first: an order appended again is the copy that counts.
            for (int i = _orderCount - 1; i >= 0; i--)
            {
                if (_orderIds[i] == id)
                {
                    return i;
                }
            }
            return -1;
        }

        private static uint ReadUInt32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        private static void WriteUInt32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        private static long ReadInt64(byte[] b, int at)
        {
            return (long)(((ulong)ReadUInt32(b, at + 4) << 32) | ReadUInt32(b, at));
        }

        private static void WriteInt64(byte[] b, int at, long value)
        {
            WriteUInt32(b, at, (uint)value);
            WriteUInt32(b, at + 4, (uint)((ulong)value >> 32));
        }
    }
}
