using System;
using Skold.Council;

namespace Skold.Station
{
    /// <summary>
    /// The station's running account, rebuilt from the journal at boot and kept current as
    /// records are committed: stock per item, and per household what it took this period, what
    /// it has out and how often it vouched. Answers the council's quotas offline. A period of
    /// the rules starts when the rules order was created and repeats every PeriodHours, so
    /// new rules start a new period.
    /// </summary>
    public sealed class DistributionBook : IJournalReader
    {
        public const int VouchWindowSeconds = 24 * 3600;
        private const int RecentMovements = 16;

        private HouseholdTable _households = new HouseholdTable();
        private readonly int[] _stock = new int[256];
        private readonly JournalRecord?[] _recent = new JournalRecord?[RecentMovements];
        private readonly int _vouchesPerDay;
        private int _recentNext;

        public DistributionBook(int vouchesPerDay)
        {
            if (vouchesPerDay < 1 || vouchesPerDay > HouseholdTable.MaxVouchesTracked)
            {
                throw new ArgumentOutOfRangeException(nameof(vouchesPerDay), "a household vouches 1.." + HouseholdTable.MaxVouchesTracked + " times a day");
            }
            _vouchesPerDay = vouchesPerDay;
        }

        public DistributionRulesBody? Rules { get; private set; }

        public uint RulesStart { get; private set; }

        public uint RulesExpires { get; private set; }

        /// <summary>The first bytes of the id of the last DISTRIBUTION_RULES order the journal records as applied.</summary>
        public byte[]? AppliedRulesId { get; private set; }

        public int VouchesPerDay
        {
            get { return _vouchesPerDay; }
        }

        public int HandOuts { get; private set; }

        public int ExceptionsGranted { get; private set; }

        public int HouseholdsServed
        {
            get { return _households.Served; }
        }

        /// <summary>The record the last movement (hand-out, return, exception) wrote; null when none or undone.</summary>
        public JournalRecord? LastMovement { get; private set; }

        /// <summary>Forgets everything read, before the journal is replayed under new rules.</summary>
        public void Clear()
        {
            _households = new HouseholdTable();
            Array.Clear(_stock, 0, _stock.Length);
            Array.Clear(_recent, 0, _recent.Length);
            _recentNext = 0;
            HandOuts = 0;
            ExceptionsGranted = 0;
            LastMovement = null;
            AppliedRulesId = null;
        }

        /// <summary>Rules from a DISTRIBUTION_RULES order that the station accepted. Set before the journal is replayed.</summary>
        public void SetRules(DistributionRulesBody rules, uint created, uint expires)
        {
            Rules = rules;
            RulesStart = created;
            RulesExpires = expires;
        }

        public int Stock(int item)
        {
            return _stock[item & 0xff];
        }

        /// <summary>Start of the rules period that contains time; 0 when no rules cover it.</summary>
        public uint PeriodStart(uint time)
        {
            if (Rules == null || time < RulesStart)
            {
                return 0;
            }
            uint period = (uint)Rules.PeriodHours * 3600;
            return RulesStart + (time - RulesStart) / period * period;
        }

        public uint PeriodEnd(uint time)
        {
            return Rules == null ? 0 : PeriodStart(time) + (uint)Rules.PeriodHours * 3600;
        }

        public bool IsLent(int item)
        {
            ItemRule? rule = Rules == null ? null : Rules.Find(item);
            return rule != null ? rule.MaxOutAtOnce > 0 : item == ItemRule.BatteryPack;
        }

        public int Taken(byte[] household, int item, uint now)
        {
            int slot = _households.Find(household);
            return slot == HouseholdTable.None ? 0 : _households.Taken(slot, item, PeriodStart(now));
        }

        public int ExceptionsUsed(byte[] household, int item, uint now)
        {
            int slot = _households.Find(household);
            return slot == HouseholdTable.None ? 0 : _households.Exceptions(slot, item, PeriodStart(now));
        }

        public int Out(byte[] household, int item)
        {
            int slot = _households.Find(household);
            return slot == HouseholdTable.None ? 0 : _households.Out(slot, item);
        }

        /// <summary>Lent items of this code out with all households.</summary>
        public int TotalOut(int item)
        {
            return _households.TotalOut(item);
        }

        public int VouchesToday(byte[] household, uint now)
        {
            int slot = _households.Find(household);
            return slot == HouseholdTable.None ? 0 : _households.VouchesSince(slot, now > VouchWindowSeconds ? now - VouchWindowSeconds : 0);
        }

        /// <summary>May the household have quantity of item now, within the rules and the stock?</summary>
        public int CheckHandOut(byte[] household, int item, int quantity, uint now)
        {
            int verdict = CheckRulesAndStock(item, quantity, now);
            if (verdict != QuotaVerdict.Allowed)
            {
                return verdict;
            }
            ItemRule rule = Rules!.Find(item)!;
            if (Taken(household, item, now) + quantity > rule.PerHouseholdPerPeriod)
            {
                return QuotaVerdict.OverQuota;
            }
            if (rule.MaxOutAtOnce > 0 && Out(household, item) + quantity > rule.MaxOutAtOnce)
            {
                return QuotaVerdict.TooManyOut;
            }
            return QuotaVerdict.Allowed;
        }

        /// <summary>May two neighbours vouch for the household beyond its quota?</summary>
        public int CheckException(byte[] household, int item, int quantity, byte[] neighbour1, byte[] neighbour2, uint now)
        {
            int verdict = CheckRulesAndStock(item, quantity, now);
            if (verdict != QuotaVerdict.Allowed)
            {
                return verdict;
            }
            if (Bytes.SameBytes(neighbour1, household) || Bytes.SameBytes(neighbour2, household) || Bytes.SameBytes(neighbour1, neighbour2))
            {
                return QuotaVerdict.SameHousehold;
            }
            if (VouchesToday(neighbour1, now) >= _vouchesPerDay || VouchesToday(neighbour2, now) >= _vouchesPerDay)
            {
                return QuotaVerdict.NeighbourVouchedTooOften;
            }
            if (ExceptionsUsed(household, item, now) >= Rules!.Find(item)!.ExceptionsPerPeriod)
            {
                return QuotaVerdict.NoExceptionsLeft;
            }
            return QuotaVerdict.Allowed;
        }

        /// <summary>May this neighbour still vouch today (checked as soon as the card is entered)?</summary>
        public bool MayVouch(byte[] neighbour, uint now)
        {
            return VouchesToday(neighbour, now) < _vouchesPerDay;
        }

        public void Read(JournalRecord journalRecord)
        {
            switch (journalRecord.Kind)
            {
                case RecordKind.StockReceived:
                case RecordKind.StockCorrection:
                    _stock[journalRecord.Item] += journalRecord.Quantity;
                    break;
                case RecordKind.HandOut:
                case RecordKind.Exception:
                case RecordKind.Returned:
                    Move(journalRecord, 1);
                    Remember(journalRecord);
                    break;
                case RecordKind.OrderApplied:
                    if (journalRecord.Code == OrderKind.DistributionRules)
                    {
                        AppliedRulesId = journalRecord.Blob;
                    }
                    break;
                case RecordKind.Undo:
                    JournalRecord? target = TakeRecent(journalRecord.Target);
                    if (target != null)
                    {
                        Move(target, -1);
                        if (LastMovement == target)
                        {
                            LastMovement = null;
                        }
                    }
                    break;
            }
        }

        private int CheckRulesAndStock(int item, int quantity, uint now)
        {
            if (Rules == null)
            {
                return QuotaVerdict.NoRules;
            }
            if (now < RulesStart)
            {
                return QuotaVerdict.RulesNotYetValid;
            }
            if (now >= RulesExpires)
            {
                return QuotaVerdict.RulesExpired;
            }
            if (Rules.Find(item) == null)
            {
                return QuotaVerdict.NotRationed;
            }
            if (Stock(item) < quantity)
            {
                return QuotaVerdict.OutOfStock;
            }
            return QuotaVerdict.Allowed;
        }

        // Applies a movement (direction 1) or reverses it (direction -1, an undo).
        private void Move(JournalRecord journalRecord, int direction)
        {
            int household = _households.GetOrAdd(journalRecord.Household);
            _households.MarkServed(household);
            int quantity = journalRecord.Quantity * direction;
            uint period = PeriodStart(journalRecord.Time);
            if (journalRecord.Kind == RecordKind.Returned)
            {
                _stock[journalRecord.Item] += quantity;
                _households.AddOut(household, journalRecord.Item, -quantity);
                return;
            }
            _stock[journalRecord.Item] -= quantity;
            _households.AddTaken(household, journalRecord.Item, quantity, period);
            HandOuts += direction;
            if (IsLent(journalRecord.Item))
            {
                _households.AddOut(household, journalRecord.Item, quantity);
            }
            if (journalRecord.Kind == RecordKind.Exception)
            {
                ExceptionsGranted += direction;
                _households.AddException(household, journalRecord.Item, direction, period);
                int n1 = _households.GetOrAdd(journalRecord.Neighbour1);
                int n2 = _households.GetOrAdd(journalRecord.Neighbour2);
                if (direction > 0)
                {
                    _households.AddVouch(n1, journalRecord.Time);
                    _households.AddVouch(n2, journalRecord.Time);
                }
                else
                {
                    _households.RemoveVouch(n1, journalRecord.Time);
                    _households.RemoveVouch(n2, journalRecord.Time);
                }
            }
        }

        private void Remember(JournalRecord journalRecord)
        {
            _recent[_recentNext] = journalRecord;
            _recentNext = (_recentNext + 1) % RecentMovements;
            LastMovement = journalRecord;
        }

        // Removes it too, so a second undo of the same record changes nothing.
        private JournalRecord? TakeRecent(uint sequence)
        {
            for (int i = 0; i < RecentMovements; i++)
            {
                JournalRecord? journalRecord = _recent[i];
                if (journalRecord != null && journalRecord.Sequence == sequence)
                {
                    _recent[i] = null;
                    return journalRecord;
                }
            }
            return null;
        }

    }
}
