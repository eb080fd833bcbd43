using System;

namespace Skold.Mesh
{
    /// <summary>
    /// Keeps this node's transmissions in one sub-band under its duty-cycle limit: no one-hour
    /// window, however placed, may hold more airtime than the limit (36 s at 1%). The relay
    /// engine asks CanTransmit (or EarliestStartMs) before sending and Records what it sent.
    /// Memory is fixed: a ring of (start, end) records; when it is full the two records closest
    /// together are merged into one that ends where the later one ended, which moves airtime
    /// later and so can only over-count, never under-count. In a band without a limit (the
    /// amateur band) every transmission is allowed and the airtime is still reported.
    /// </summary>
    public sealed class DutyCycleAccountant
    {
        public const long WindowMilliseconds = 3600000;
        public const long WindowMicroseconds = WindowMilliseconds * 1000;
        public const int DefaultCapacity = 64;
        public const int MaxCapacity = 4096;

        /// <summary>EarliestStartMs for a transmission longer than the band allows in any hour.</summary>
        public const long Never = long.MaxValue;

        /// <summary>Times are milliseconds 0..MaxTimeMs (about 140,000 years) since any origin.</summary>
        public const long MaxTimeMs = 1L << 52;

        private readonly long _limit;
        private readonly long[] _starts;
        private readonly long[] _ends;
        private int _head;
        private int _count;

        public DutyCycleAccountant(SubBand subBand)
            : this(subBand, DefaultCapacity)
        {
        }

        public DutyCycleAccountant(SubBand subBand, int capacity)
        {
            if (subBand == null)
            {
                throw new ArgumentNullException(nameof(subBand));
            }
            if (capacity < 2 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "the accountant keeps 2.." + MaxCapacity + " records, not " + capacity);
            }
            SubBand = subBand;
            _limit = subBand.HasDutyCycleLimit ? subBand.LimitMicrosecondsPerHour : -1;
            _starts = new long[capacity];
            _ends = new long[capacity];
        }

        public SubBand SubBand { get; }

        /// <summary>
        /// The accountant for a carrier frequency: the licence-free EU868 sub-band holding it, or
        /// with amateur set (licensed operators only) the 70 cm amateur band, without a limit.
        /// </summary>
        public static DutyCycleAccountant ForFrequency(long hz, bool amateur)
        {
            if (amateur)
            {
                if (!SubBand.Amateur70cm.Contains(hz))
                {
                    throw new ArgumentOutOfRangeException(nameof(hz), SubBand.FormatMegahertz(hz)
                        + " is outside the 70 cm amateur band (430.000 - 440.000 MHz)");
                }
                return new DutyCycleAccountant(SubBand.Amateur70cm);
            }
            SubBand? band = SubBand.FindLicenceFree(hz);
            if (band == null)
            {
                throw new ArgumentOutOfRangeException(nameof(hz), SubBand.FormatMegahertz(hz)
                    + " is outside every licence-free EU868 sub-band (868.000-868.600, 868.700-869.200, 869.400-869.650 and 869.700-870.000 MHz);"
                    + " licensed amateurs use amateur mode on 430-440 MHz");
            }
            return new DutyCycleAccountant(band);
        }

        /// <summary>Whether a transmission of that length may start now without any hour exceeding the limit.</summary>
        public bool CanTransmit(long nowMs, long airtimeMicroseconds)
        {
            CheckArguments(nowMs, airtimeMicroseconds);
            if (_limit < 0)
            {
                return true;
            }
            if (airtimeMicroseconds > _limit)
            {
                return false;
            }
            long start = StartOf(nowMs);
            // The fullest hour holding the new transmission is the one ending when it ends
            // (earlier transmissions never overlap each other, so sliding on loses airtime).
            return AirtimeBetween(start + airtimeMicroseconds - WindowMicroseconds, start) + airtimeMicroseconds <= _limit;
        }

        /// <summary>
        /// Counts a transmission that starts now. Throws InvalidOperationException when it would
        /// exceed the limit: the caller must ask CanTransmit first. A transmission that starts
        /// before the previous one ended is counted from that end (the radio sends one at a time).
        /// </summary>
        public void Record(long nowMs, long airtimeMicroseconds)
        {
            if (!CanTransmit(nowMs, airtimeMicroseconds))
            {
                long earliest = EarliestStartMs(nowMs, airtimeMicroseconds);
                throw new InvalidOperationException("a " + airtimeMicroseconds + " us transmission at " + nowMs + " ms would exceed the "
                    + SubBand + " limit; " + (earliest == Never ? "it is longer than any hour allows" : "the earliest legal start is " + earliest + " ms"));
            }
            if (airtimeMicroseconds == 0)
            {
                return;
            }
            long start = StartOf(nowMs);
            long expired = nowMs * 1000 - WindowMicroseconds;
            while (_count > 0 && _ends[_head] <= expired)
            {
                _head = Next(_head);
                _count--;
            }
            if (_count == _starts.Length)
            {
                MergeClosestPair();
            }
            int slot = Slot(_count);
            _starts[slot] = start;
            _ends[slot] = start + airtimeMicroseconds;
            _count++;
        }

        /// <summary>Airtime on air during the last hour up to now, in microseconds.</summary>
        public long UsedMicroseconds(long nowMs)
        {
            CheckArguments(nowMs, 0);
            long now = nowMs * 1000;
            return AirtimeBetween(now - WindowMicroseconds, now);
        }

        /// <summary>
        /// The longest transmission that may start now, in microseconds: CanTransmit holds for
        /// this length and fails for one microsecond more. At least the limit minus UsedMicroseconds,
        /// more when old transmissions leave the hour while the new one is on air. long.MaxValue without a limit.
        /// </summary>
        public long HeadroomMicroseconds(long nowMs)
        {
            CheckArguments(nowMs, 0);
            if (_limit < 0)
            {
                return long.MaxValue;
            }
            long start = StartOf(nowMs);
            long windowStart = start - WindowMicroseconds;
            long remaining = _limit - AirtimeBetween(windowStart, start);
            if (remaining < 0)
            {
                return 0;
            }
            // Lengthen the transmission and slide the hour's start with it: across a gap the hour
            // fills at the new transmission's rate, across an old transmission it stays level.
            long length = 0;
            for (int i = 0; i < _count; i++)
            {
                int slot = Slot(i);
                if (_ends[slot] <= windowStart)
                {
                    continue;
                }
                if (_starts[slot] > windowStart)
                {
                    long gap = _starts[slot] - windowStart;
                    if (gap > remaining)
                    {
                        return length + remaining;
                    }
                    length += gap;
                    remaining -= gap;
                    windowStart = _starts[slot];
                }
                length += _ends[slot] - windowStart;
                windowStart = _ends[slot];
            }
            return length + remaining;
        }

        /// <summary>
        /// The earliest whole millisecond, now or later, at which a transmission of that length
        /// may start; Never when it is longer than the limit. Exact: CanTransmit fails one
        /// millisecond earlier (unless that is before now).
        /// </summary>
        public long EarliestStartMs(long nowMs, long airtimeMicroseconds)
        {
            CheckArguments(nowMs, airtimeMicroseconds);
            if (_limit < 0)
            {
                return nowMs;
            }
            if (airtimeMicroseconds > _limit)
            {
                return Never;
            }
            long start = StartOf(nowMs);
            long windowStart = start + airtimeMicroseconds - WindowMicroseconds;
            long excess = AirtimeBetween(windowStart, start) + airtimeMicroseconds - _limit;
            if (excess <= 0)
            {
                return nowMs;
            }
            // Slide the hour's start forward until `excess` of old airtime has left it.
            for (int i = 0; i < _count; i++)
            {
                int slot = Slot(i);
                if (_ends[slot] <= windowStart)
                {
                    continue;
                }
                long from = _starts[slot] > windowStart ? _starts[slot] : windowStart;
                long available = _ends[slot] - from;
                if (available >= excess)
                {
                    long legalStart = from + excess + WindowMicroseconds - airtimeMicroseconds;
                    return (legalStart + 999) / 1000;
                }
                excess -= available;
            }
            // Unreachable: the hour before the start holds more than the excess.
            return Never;
        }

        private static void CheckArguments(long nowMs, long airtimeMicroseconds)
        {
            if (nowMs < 0 || nowMs > MaxTimeMs)
            {
                throw new ArgumentOutOfRangeException(nameof(nowMs), "time is 0.." + MaxTimeMs + " ms, not " + nowMs);
            }
            if (airtimeMicroseconds < 0 || airtimeMicroseconds > WindowMicroseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(airtimeMicroseconds),
                    "a transmission lasts 0.." + WindowMicroseconds + " us (one hour), not " + airtimeMicroseconds);
            }
        }

        // When a transmission asked about now would start: now, or when the last one ends.
        private long StartOf(long nowMs)
        {
            long now = nowMs * 1000;
            if (_count > 0)
            {
                long lastEnd = _ends[Slot(_count - 1)];
                if (lastEnd > now)
                {
                    return lastEnd;
                }
            }
            return now;
        }

        private long AirtimeBetween(long from, long to)
        {
            long total = 0;
            for (int i = 0; i < _count; i++)
            {
                int slot = Slot(i);
                long start = _starts[slot] > from ? _starts[slot] : from;
                long end = _ends[slot] < to ? _ends[slot] : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
            return total;
        }

        // Merges the adjacent pair with the shortest gap: the earlier record's airtime moves to
        // just before the later one's end, so it stays in every future hour at least as long.
        private void MergeClosestPair()
        {
            int best = 0;
            long bestGap = long.MaxValue;
            for (int i = 0; i + 1 < _count; i++)
            {
                long gap = _starts[Slot(i + 1)] - _ends[Slot(i)];
                if (gap < bestGap)
                {
                    bestGap = gap;
                    best = i;
                }
            }
            int earlier = Slot(best);
            int later = Slot(best + 1);
            long airtime = (_ends[earlier] - _starts[earlier]) + (_ends[later] - _starts[later]);
            _starts[later] = _ends[later] - airtime;
            // Drop the earlier record: the older ones each move one place towards the newer.
            for (int i = best; i > 0; i--)
            {
                int to = Slot(i);
                int from = Slot(i - 1);
                _starts[to] = _starts[from];
                _ends[to] = _ends[from];
            }
            _head = Next(_head);
            _count--;
        }

        private int Slot(int index)
        {
            return (_head + index) % _starts.Length;
        }

        private int Next(int slot)
        {
            return slot + 1 == _starts.Length ? 0 : slot + 1;
        }
    }
}
