using System;

namespace Skold.Station
{
    /// <summary>
    /// What a station knows of one household: items taken and exceptions granted in the current
    /// period of the rules, lent items still out, and when it last vouched for a neighbour.
    /// Three bytes per item the household has touched keep it to a few dozen bytes.
    /// </summary>
    public sealed class HouseholdState
    {
        public const int MaxVouchesTracked = 8;
        private const int TakenRole = 0;
        private const int ExceptionRole = 1;
        private const int OutRole = 2;
        private const int Roles = 3;
        private const int OutBias = 128;

        private byte[] _codes = new byte[0];
        private byte[] _counts = new byte[0];
        private uint[]? _vouches;

        /// <summary>Has the household itself received anything here (not only vouched for others)?</summary>
        public bool Served { get; set; }

        /// <summary>Start of the rules period the taken and exception counts belong to.</summary>
        public uint PeriodStart { get; private set; }

        public int Taken(int item, uint periodStart)
        {
            return periodStart == PeriodStart ? Get(TakenRole, item) : 0;
        }

        public int Exceptions(int item, uint periodStart)
        {
            return periodStart == PeriodStart ? Get(ExceptionRole, item) : 0;
        }

        /// <summary>Lent items out with the household (never below 0: a pack lent elsewhere and returned here is not a credit).</summary>
        public int Out(int item)
        {
            int net = Get(OutRole, item) - OutBias;
            return net < 0 ? 0 : net;
        }

        public void AddTaken(int item, int change, uint periodStart)
        {
            if (MovePeriod(periodStart))
            {
                Set(TakenRole, item, Get(TakenRole, item) + change);
            }
        }

        public void AddException(int item, int change, uint periodStart)
        {
            if (MovePeriod(periodStart))
            {
                Set(ExceptionRole, item, Get(ExceptionRole, item) + change);
            }
        }

        public void AddOut(int item, int change)
        {
            // Kept signed (around OutBias) so undoing a return restores exactly what it changed.
            Set(OutRole, item, (Get(OutRole, item) == 0 ? OutBias : Get(OutRole, item)) + change);
        }

        /// <summary>Vouches given after the time since.</summary>
        public int VouchesSince(uint since)
        {
            if (_vouches == null)
            {
                return 0;
            }
            int n = 0;
            for (int i = 0; i < _vouches.Length; i++)
            {
                if (_vouches[i] != 0 && _vouches[i] > since)
                {
                    n++;
                }
            }
            return n;
        }

        public void AddVouch(uint time)
        {
            if (_vouches == null)
            {
                // Most households never vouch: the times are kept only for those who do.
                _vouches = new uint[MaxVouchesTracked];
            }
            int oldest = 0;
            for (int i = 1; i < _vouches.Length; i++)
            {
                if (_vouches[i] < _vouches[oldest])
                {
                    oldest = i;
                }
            }
            _vouches[oldest] = time;
        }

        public void RemoveVouch(uint time)
        {
            if (_vouches == null)
            {
                return;
            }
            for (int i = 0; i < _vouches.Length; i++)
            {
                if (_vouches[i] == time)
                {
                    _vouches[i] = 0;
                    return;
                }
            }
        }

        // Counts of an earlier period are dropped when a record of a later period arrives; a
        // record of a period already left behind (an undo replayed late) no longer counts.
        private bool MovePeriod(uint periodStart)
        {
            if (periodStart < PeriodStart)
            {
                return false;
            }
            if (periodStart > PeriodStart)
            {
                PeriodStart = periodStart;
                for (int i = 0; i < _codes.Length; i++)
                {
                    _counts[i * Roles + TakenRole] = 0;
                    _counts[i * Roles + ExceptionRole] = 0;
                }
            }
            return true;
        }

        private int Get(int role, int item)
        {
            for (int i = 0; i < _codes.Length; i++)
            {
                if (_codes[i] == item)
                {
                    return _counts[i * Roles + role];
                }
            }
            return 0;
        }

        private void Set(int role, int item, int value)
        {
            int slot = -1;
            for (int i = 0; i < _codes.Length; i++)
            {
                if (_codes[i] == item)
                {
                    slot = i;
                }
            }
            if (slot < 0)
            {
                slot = _codes.Length;
                byte[] codes = new byte[slot + 1];
                byte[] counts = new byte[(slot + 1) * Roles];
                Array.Copy(_codes, codes, slot);
                Array.Copy(_counts, counts, slot * Roles);
                codes[slot] = (byte)item;
                _codes = codes;
                _counts = counts;
            }
            _counts[slot * Roles + role] = (byte)(value < 0 ? 0 : value > 255 ? 255 : value);
        }
    }
}
