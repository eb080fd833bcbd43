using System;

namespace Skold.Station
{
    /// <summary>
    /// What the station knows of each household, without an object per household: a household
    /// is a slot number, its counts live in 32-byte slots inside byte pages of 1 KB, and a
    /// bucket index in ushort pages finds it by pseudonym. The largest array is a page (1,044
    /// bytes on nanoCLR) because a fragmented nanoCLR heap cannot give large blocks; growing
    /// adds pages and never copies the slots. Written here because nanoFramework's Hashtable
    /// does not handle colliding hash codes, and would cost an object per entry.
    /// </summary>
    /// <remarks>
    /// Slots (offsets in bytes, integers little-endian):
    /// a household's first slot: 0..11 pseudonym; 12..13 next household in its bucket (slot + 1,
    /// 0 none; top bit: served); 14..15 its first overflow slot (slot + 1, 0 none; top bit: that
    /// slot holds the vouch times); 16..19 period start; 20..31 three item entries.
    /// An item overflow slot: 0..1 the next overflow slot (as 14..15 above); 2..29 seven item entries.
    /// The vouch slot, always last in the chain: eight u32 vouch times (0 none).
    /// An item entry: code, taken, exceptions, out (around 128, with 0 standing for 128). An entry
    /// whose three counts are 0 says nothing and is free for any code.
    /// Buckets: the low bits of the pseudonym's first four bytes (HMAC output, already uniform)
    /// pick one; it holds the slot + 1 of the first household of its chain.
    /// </remarks>
    internal sealed class HouseholdTable
    {
        public const int MaxVouchesTracked = 8;
        public const int None = -1;
        private const int SlotSize = 32;
        private const int PageSize = 1024;

        // Links keep 15 bits, so 32,767 slots (1 MB of pages, far past any board's heap).
        private const int MaxSlots = 0x7fff;
        private const int LinkMask = 0x7fff;
        private const int FlagBit = 0x8000;

        private const int PageShift = 10;
        private const int GroupShift = 5;
        private const int PagesPerGroup = 32;
        private const int BucketsPerPage = 256;
        private const int BucketShift = 8;
        // Buckets double when they average more than 4 households: up to 1,024 households the
        // index is one page of 532 bytes, and a chain still ends after a few 12-byte compares.
        private const int MaxPerBucket = 4;

        private const int KeySize = HouseholdCard.PseudonymSize;
        private const int BucketLinkAt = 12;
        private const int OverflowAt = 14;
        private const int PeriodAt = 16;
        private const int FirstEntriesAt = 20;
        private const int FirstEntries = 3;
        private const int MoreEntriesAt = 2;
        private const int MoreEntries = 7;
        private const int EntrySize = 4;
        private const int TakenAt = 1;
        private const int ExceptionsAt = 2;
        private const int OutAt = 3;
        private const int OutBias = 128;

        // Pages in groups of 32, so that no directory passes 404 bytes either.
        private byte[][][] _groups = new byte[1][][];
        private ushort[][] _buckets = new ushort[][] { new ushort[BucketsPerPage] };
        private int _bucketCount = BucketsPerPage;
        private int _slots;

        /// <summary>Households in the table, served or only vouching.</summary>
        public int Count { get; private set; }

        /// <summary>Households that have themselves received something (not only vouched).</summary>
        public int Served { get; private set; }

        /// <summary>The household's slot number, or None.</summary>
        public int Find(byte[] pseudonym)
        {
            if (pseudonym == null || pseudonym.Length != KeySize)
            {
                return None;
            }
            int link = Bucket(Hash(pseudonym, 0) & (_bucketCount - 1));
            while (link != 0)
            {
                int household = link - 1;
                if (HasPseudonym(household, pseudonym))
                {
                    return household;
                }
                link = Read16(household * SlotSize + BucketLinkAt) & LinkMask;
            }
            return None;
        }

        /// <summary>The household's slot number, added when new. Slot numbers never change.</summary>
        public int GetOrAdd(byte[] pseudonym)
        {
            int found = Find(pseudonym);
            if (found != None)
            {
                return found;
            }
            if (pseudonym == null || pseudonym.Length != KeySize)
            {
                throw new ArgumentException("a pseudonym is " + KeySize + " bytes", nameof(pseudonym));
            }
            if (Count + 1 > MaxPerBucket * _bucketCount)
            {
                DoubleBuckets();
            }
            int household = NewSlot();
            byte[] page = Page(household * SlotSize);
            int at = Offset(household * SlotSize);
            Array.Copy(pseudonym, 0, page, at, KeySize);
            int bucket = Hash(pseudonym, 0) & (_bucketCount - 1);
            Write16(household * SlotSize + BucketLinkAt, Bucket(bucket));
            SetBucket(bucket, household + 1);
            Count++;
            return household;
        }

        public bool IsServed(int household)
        {
            return (Read16(household * SlotSize + BucketLinkAt) & FlagBit) != 0;
        }

        public void MarkServed(int household)
        {
            int address = household * SlotSize + BucketLinkAt;
            int link = Read16(address);
            if ((link & FlagBit) == 0)
            {
                Write16(address, link | FlagBit);
                Served++;
            }
        }

        /// <summary>Start of the rules period the taken and exception counts belong to.</summary>
        public uint PeriodStart(int household)
        {
            int address = household * SlotSize + PeriodAt;
            return Bytes.ReadUInt32LittleEndian(Page(address), Offset(address));
        }

        public int Taken(int household, int item, uint periodStart)
        {
            return periodStart == PeriodStart(household) ? Get(household, item, TakenAt) : 0;
        }

        public int Exceptions(int household, int item, uint periodStart)
        {
            return periodStart == PeriodStart(household) ? Get(household, item, ExceptionsAt) : 0;
        }

        /// <summary>Lent items out with the household (never below 0: a pack lent elsewhere and returned here is not a credit).</summary>
        public int Out(int household, int item)
        {
            int net = Get(household, item, OutAt) - OutBias;
            return net < 0 ? 0 : net;
        }

        /// <summary>Lent items of this code out with all households: a walk of the buckets, nothing allocated.</summary>
        public int TotalOut(int item)
        {
            int total = 0;
            for (int bucket = 0; bucket < _bucketCount; bucket++)
            {
                int link = Bucket(bucket);
                while (link != 0)
                {
                    total += Out(link - 1, item);
                    link = Read16((link - 1) * SlotSize + BucketLinkAt) & LinkMask;
                }
            }
            return total;
        }

        public void AddTaken(int household, int item, int change, uint periodStart)
        {
            if (MovePeriod(household, periodStart))
            {
                Set(household, item, TakenAt, Get(household, item, TakenAt) + change);
            }
        }

        public void AddException(int household, int item, int change, uint periodStart)
        {
            if (MovePeriod(household, periodStart))
            {
                Set(household, item, ExceptionsAt, Get(household, item, ExceptionsAt) + change);
            }
        }

        public void AddOut(int household, int item, int change)
        {
            // Kept signed (around OutBias) so undoing a return restores exactly what it changed.
            int stored = Get(household, item, OutAt);
            Set(household, item, OutAt, (stored == 0 ? OutBias : stored) + change);
        }

        /// <summary>Vouches given after the time since.</summary>
        public int VouchesSince(int household, uint since)
        {
            int slot = VouchSlot(household);
            if (slot == None)
            {
                return 0;
            }
            byte[] page = Page(slot * SlotSize);
            int at = Offset(slot * SlotSize);
            int n = 0;
            for (int i = 0; i < MaxVouchesTracked; i++)
            {
                uint time = Bytes.ReadUInt32LittleEndian(page, at + i * 4);
                if (time != 0 && time > since)
                {
                    n++;
                }
            }
            return n;
        }

        /// <summary>Records a vouch, in place of the oldest of the last MaxVouchesTracked.</summary>
        public void AddVouch(int household, uint time)
        {
            int slot = VouchSlot(household);
            if (slot == None)
            {
                // Most households never vouch: only those who do get the slot of times.
                slot = NewSlot();
                int last = household * SlotSize + OverflowAt;
                while (Read16(last) != 0)
                {
                    last = ((Read16(last) & LinkMask) - 1) * SlotSize;
                }
                Write16(last, (slot + 1) | FlagBit);
            }
            byte[] page = Page(slot * SlotSize);
            int at = Offset(slot * SlotSize);
            int oldest = 0;
            for (int i = 1; i < MaxVouchesTracked; i++)
            {
                if (Bytes.ReadUInt32LittleEndian(page, at + i * 4) < Bytes.ReadUInt32LittleEndian(page, at + oldest * 4))
                {
                    oldest = i;
                }
            }
            Bytes.WriteUInt32LittleEndian(page, at + oldest * 4, time);
        }

        public void RemoveVouch(int household, uint time)
        {
            int slot = VouchSlot(household);
            if (slot == None)
            {
                return;
            }
            byte[] page = Page(slot * SlotSize);
            int at = Offset(slot * SlotSize);
            for (int i = 0; i < MaxVouchesTracked; i++)
            {
                if (Bytes.ReadUInt32LittleEndian(page, at + i * 4) == time)
                {
                    Bytes.WriteUInt32LittleEndian(page, at + i * 4, 0);
                    return;
                }
            }
        }

        // Counts of an earlier period are dropped when a record of a later period arrives; a
        // record of a period already left behind (an undo replayed late) no longer counts.
        private bool MovePeriod(int household, uint periodStart)
        {
            uint current = PeriodStart(household);
            if (periodStart < current)
            {
                return false;
            }
            if (periodStart > current)
            {
                int address = household * SlotSize + PeriodAt;
                Bytes.WriteUInt32LittleEndian(Page(address), Offset(address), periodStart);
                for (int entry = household * SlotSize + FirstEntriesAt; entry != None; entry = NextEntry(household, entry))
                {
                    byte[] page = Page(entry);
                    page[Offset(entry) + TakenAt] = 0;
                    page[Offset(entry) + ExceptionsAt] = 0;
                }
            }
            return true;
        }

        private int Get(int household, int item, int role)
        {
            int entry = Entry(household, item, false);
            return entry == None ? 0 : Page(entry)[Offset(entry) + role];
        }

        // Saturates at 0..255 as the counts always have. Out at 128 (none) is kept as 0, which
        // AddOut reads as 128 anyway, so that an entry whose counts are all back to 0 is free again.
        private void Set(int household, int item, int role, int value)
        {
            value = value < 0 ? 0 : value > 255 ? 255 : value;
            if (role == OutAt && value == OutBias)
            {
                value = 0;
            }
            int entry = Entry(household, item, false);
            if (entry == None)
            {
                if (value == 0)
                {
                    return;
                }
                entry = Entry(household, item, true);
                if (entry == None)
                {
                    entry = AddItemSlot(household);
                }
                Page(entry)[Offset(entry)] = (byte)item;
            }
            Page(entry)[Offset(entry) + role] = (byte)value;
        }

        // The address of the household's entry for item (free: of its first free entry), or None.
        // A free entry matches no item, so fresh slots (all 0) never pass for item 0.
        private int Entry(int household, int item, bool free)
        {
            for (int entry = household * SlotSize + FirstEntriesAt; entry != None; entry = NextEntry(household, entry))
            {
                byte[] page = Page(entry);
                int at = Offset(entry);
                bool isFree = page[at + TakenAt] == 0 && page[at + ExceptionsAt] == 0 && page[at + OutAt] == 0;
                if (free ? isFree : !isFree && page[at] == item)
                {
                    return entry;
                }
            }
            return None;
        }

        // The household's item entry after entry: the next in its slot, else the first of the next
        // item slot in its chain (the household's number is its first slot), or None at the end.
        private int NextEntry(int household, int entry)
        {
            int slot = entry / SlotSize;
            bool first = slot == household;
            int end = slot * SlotSize + (first ? FirstEntriesAt + FirstEntries * EntrySize : MoreEntriesAt + MoreEntries * EntrySize);
            if (entry + EntrySize < end)
            {
                return entry + EntrySize;
            }
            int next = NextItemSlot(first ? household * SlotSize + OverflowAt : slot * SlotSize);
            return next == None ? None : next * SlotSize + MoreEntriesAt;
        }

        // A slot of seven more entries, first in the household's overflow chain; returns its first entry.
        private int AddItemSlot(int household)
        {
            int slot = NewSlot();
            int head = household * SlotSize + OverflowAt;
            Write16(slot * SlotSize, Read16(head));
            Write16(head, slot + 1);
            return slot * SlotSize + MoreEntriesAt;
        }

        // The item slot the link at address leads to; None at the end or at the vouch slot.
        private int NextItemSlot(int address)
        {
            int link = Read16(address);
            return link == 0 || (link & FlagBit) != 0 ? None : (link & LinkMask) - 1;
        }

        private int VouchSlot(int household)
        {
            int link = Read16(household * SlotSize + OverflowAt);
            while (link != 0)
            {
                if ((link & FlagBit) != 0)
                {
                    return (link & LinkMask) - 1;
                }
                link = Read16(((link & LinkMask) - 1) * SlotSize);
            }
            return None;
        }

        // Slots are never freed, so a new one is still all 0.
        private int NewSlot()
        {
            if (_slots == MaxSlots)
            {
                throw new InvalidOperationException("household table full: " + MaxSlots + " slots of " + SlotSize + " bytes");
            }
            if ((_slots & (PageSize / SlotSize - 1)) == 0)
            {
                int page = _slots * SlotSize >> PageShift;
                int group = page >> GroupShift;
                if (group == _groups.Length)
                {
                    // Only the short list of groups is copied, never a page.
                    byte[][][] groups = new byte[_groups.Length * 2][][];
                    Array.Copy(_groups, groups, _groups.Length);
                    _groups = groups;
                }
                if (_groups[group] == null)
                {
                    _groups[group] = new byte[PagesPerGroup][];
                }
                _groups[group][page & (PagesPerGroup - 1)] = new byte[PageSize];
            }
            return _slots++;
        }

        // Doubling adds bucket pages and splits each chain in place by the next bit of the hash
        // (the order within a chain does not matter).
        private void DoubleBuckets()
        {
            int old = _bucketCount;
            ushort[][] buckets = new ushort[_buckets.Length * 2][];
            Array.Copy(_buckets, buckets, _buckets.Length);
            for (int i = _buckets.Length; i < buckets.Length; i++)
            {
                buckets[i] = new ushort[BucketsPerPage];
            }
            _buckets = buckets;
            _bucketCount = old * 2;
            for (int bucket = 0; bucket < old; bucket++)
            {
                int link = Bucket(bucket);
                int low = 0;
                int high = 0;
                while (link != 0)
                {
                    int household = link - 1;
                    link = Read16(household * SlotSize + BucketLinkAt) & LinkMask;
                    byte[] page = Page(household * SlotSize);
                    if ((Hash(page, Offset(household * SlotSize)) & old) != 0)
                    {
                        SetBucketLink(household, high);
                        high = household + 1;
                    }
                    else
                    {
                        SetBucketLink(household, low);
                        low = household + 1;
                    }
                }
                SetBucket(bucket, low);
                SetBucket(bucket + old, high);
            }
        }

        // Keeps the served bit that shares the link's two bytes.
        private void SetBucketLink(int household, int link)
        {
            int address = household * SlotSize + BucketLinkAt;
            Write16(address, (Read16(address) & FlagBit) | link);
        }

        private bool HasPseudonym(int household, byte[] pseudonym)
        {
            byte[] page = Page(household * SlotSize);
            int at = Offset(household * SlotSize);
            // From the end: the first bytes pick the bucket, so they agree within a chain.
            for (int i = KeySize - 1; i >= 0; i--)
            {
                if (page[at + i] != pseudonym[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static int Hash(byte[] key, int at)
        {
            return key[at] | (key[at + 1] << 8) | (key[at + 2] << 16) | ((key[at + 3] & 0x7f) << 24);
        }

        private int Bucket(int bucket)
        {
            return _buckets[bucket >> BucketShift][bucket & (BucketsPerPage - 1)];
        }

        private void SetBucket(int bucket, int link)
        {
            _buckets[bucket >> BucketShift][bucket & (BucketsPerPage - 1)] = (ushort)link;
        }

        private byte[] Page(int address)
        {
            int page = address >> PageShift;
            return _groups[page >> GroupShift][page & (PagesPerGroup - 1)];
        }

        private int Read16(int address)
        {
            byte[] page = Page(address);
            int at = Offset(address);
            return page[at] | (page[at + 1] << 8);
        }

        private void Write16(int address, int value)
        {
            byte[] page = Page(address);
            int at = Offset(address);
            page[at] = (byte)value;
            page[at + 1] = (byte)(value >> 8);
        }

        private static int Offset(int address)
        {
            return address & (PageSize - 1);
        }
    }
}
