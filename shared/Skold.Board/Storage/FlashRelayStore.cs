using System;
using System.Collections;
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
        private readonly ArrayList _orders = new ArrayList();
        private int _seenCount;
        private int _seenNext;
        private string _current = SlotA;
        private uint _generation;
        private int _appendedBytes;

        public FlashRelayStore(IFlashFiles files, int seenCapacity, int maxOrders, int compactAfterBytes)
        {
            if (seenCapacity < 1 || maxOrders < 1 || compactAfterBytes < 1)
            {
                throw new ArgumentException("the relay store needs room for at least one key, one order and one record");
            }
            _files = files;
            _seen = new long[seenCapacity];
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
            RememberSeen(frameKey);
            byte[] payload = new byte[8];
            WriteInt64(payload, 0, frameKey);
            AppendRecord(TypeSeen, payload);
        }

        public void AppendOrder(byte[] message)
        {
            if (message == null || message.Length == 0 || message.Length > MaxRecordPayload)
            {
                throw new ArgumentException("an order to keep is 1.." + MaxRecordPayload + " bytes");
            }
            RememberOrder(message);
            AppendRecord(TypeOrder, message);
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

        public byte[][] LoadOrders()
        {
            byte[][] result = new byte[_orders.Count][];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = OrderAt(i);
            }
            return result;
        }

        private void Open()
        {
            byte[]? a = _files.Read(SlotA);
            byte[]? b = _files.Read(SlotB);
            uint genA = ValidGeneration(a);
            uint genB = ValidGeneration(b);
            if (genA == 0 && genB == 0)
            {
                // A new board, or neither slot complete (only possible before the first snapshot finished).
                _current = SlotB;
                _generation = 0;
                Compact();
                return;
            }
            bool useA = genA >= genB;
            byte[] slot = useA ? a! : b!;
            _current = useA ? SlotA : SlotB;
            _generation = useA ? genA : genB;
            int end = ReadRecords(slot, HeaderSize, slot.Length);
            _appendedBytes = end - HeaderSize - (int)ReadUInt32(slot, 12);
            if (end < slot.Length)
            {
                DroppedAtBoot++;
                Compact();
            }
        }

        /// <summary>The slot's generation when its header and snapshot are intact, else 0.</summary>
        private static uint ValidGeneration(byte[]? slot)
        {
            if (slot == null || slot.Length < HeaderSize)
            {
                return 0;
            }
            for (int i = 0; i < Magic.Length; i++)
            {
                if (slot[i] != Magic[i])
                {
                    return 0;
                }
            }
            if (slot[4] != Version || Crc32.Compute(slot, 0, 20) != ReadUInt32(slot, 20))
            {
                return 0;
            }
            uint snapshotLength = ReadUInt32(slot, 12);
            if (snapshotLength > (uint)(slot.Length - HeaderSize) || Crc32.Compute(slot, HeaderSize, (int)snapshotLength) != ReadUInt32(slot, 16))
            {
                return 0;
            }
            return ReadUInt32(slot, 8);
        }

        /// <summary>Reads records into memory from at until a torn or damaged one; returns where the good ones end.</summary>
        private int ReadRecords(byte[] slot, int at, int end)
        {
            while (at + RecordOverhead <= end)
            {
                int type = slot[at];
                int length = slot[at + 1] | (slot[at + 2] << 8);
                if ((type != TypeSeen && type != TypeOrder) || length > MaxRecordPayload || at + RecordOverhead + length > end
                    || (type == TypeSeen && length != 8) || length == 0)
                {
                    return at;
                }
                if (Crc32.Compute(slot, at, 3 + length) != ReadUInt32(slot, at + 3 + length))
                {
                    return at;
                }
                if (type == TypeSeen)
                {
                    RememberSeen(ReadInt64(slot, at + 3));
                }
                else
                {
                    byte[] order = new byte[length];
                    Array.Copy(slot, at + 3, order, 0, length);
                    RememberOrder(order);
                }
                at += RecordOverhead + length;
            }
            return at;
        }

        private void AppendRecord(int type, byte[] payload)
        {
            if (_appendedBytes + RecordOverhead + payload.Length > CompactAfterBytes)
            {
                // The record is already in memory: the new snapshot carries it.
                Compact();
                return;
            }
            byte[] entry = new byte[RecordOverhead + payload.Length];
            PutRecord(entry, 0, type, payload);
            _files.Append(_current, entry, 0, entry.Length);
            _appendedBytes += entry.Length;
        }

        /// <summary>Writes everything held as a snapshot into the other slot, which then becomes current.</summary>
        private void Compact()
        {
            int size = HeaderSize;
            int seen = _seenCount < _seen.Length ? _seenCount : _seen.Length;
            size += seen * (RecordOverhead + 8);
            for (int i = 0; i < _orders.Count; i++)
            {
                size += RecordOverhead + (OrderAt(i)).Length;
            }
            byte[] slot = new byte[size];
            int at = HeaderSize;
            long[] keys = LoadSeen(seen);
            byte[] key = new byte[8];
            for (int i = 0; i < keys.Length; i++)
            {
                WriteInt64(key, 0, keys[i]);
                at += PutRecord(slot, at, TypeSeen, key);
            }
            for (int i = 0; i < _orders.Count; i++)
            {
                at += PutRecord(slot, at, TypeOrder, OrderAt(i));
            }
            uint generation = _generation + 1;
            Array.Copy(Magic, slot, Magic.Length);
            slot[4] = Version;
            WriteUInt32(slot, 8, generation);
            WriteUInt32(slot, 12, (uint)(size - HeaderSize));
            WriteUInt32(slot, 16, Crc32.Compute(slot, HeaderSize, size - HeaderSize));
            WriteUInt32(slot, 20, Crc32.Compute(slot, 0, 20));
            string next = _current == SlotA ? SlotB : SlotA;
            _files.Write(next, slot, 0, slot.Length);
            // Only now, with the new slot complete on flash, does it become the one appended to.
            _current = next;
            _generation = generation;
            _appendedBytes = 0;
        }

        private byte[] OrderAt(int i)
        {
            return (byte[])_orders[i]!;
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

        private void RememberOrder(byte[] order)
        {
            if (_orders.Count == MaxOrders)
            {
                _orders.RemoveAt(0);
            }
            _orders.Add(order);
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
