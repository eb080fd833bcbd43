using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// DISTRIBUTION_RULES: per-household quotas for every item, over a period. A later order of
    /// this kind replaces the earlier one whole. Body: period in hours (uint16), item count
    /// (varint), items in increasing code order (ItemRule).
    /// </summary>
    public sealed class DistributionRulesBody : IOrderBody
    {
        public const int MaxItems = 32;

        public DistributionRulesBody(int periodHours, ItemRule[] items)
        {
            if (periodHours < 1 || periodHours > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(periodHours), "the period is 1..65535 hours");
            }
            if (items == null || items.Length == 0 || items.Length > MaxItems)
            {
                throw new ArgumentException("distribution rules list 1.." + MaxItems + " items", nameof(items));
            }
            for (int i = 1; i < items.Length; i++)
            {
                if (items[i].Code <= items[i - 1].Code)
                {
                    throw new ArgumentException("items are listed once each, in increasing code order", nameof(items));
                }
            }
            PeriodHours = periodHours;
            Items = items;
        }

        public int PeriodHours { get; }

        public ItemRule[] Items { get; }

        /// <summary>The rule for an item code, or null when the item is not rationed by this order.</summary>
        public ItemRule? Find(int code)
        {
            for (int i = 0; i < Items.Length; i++)
            {
                if (Items[i].Code == code)
                {
                    return Items[i];
                }
            }
            return null;
        }

        public void Write(ByteWriter writer)
        {
            writer.WriteUInt16(PeriodHours);
            writer.WriteVarUInt((uint)Items.Length);
            for (int i = 0; i < Items.Length; i++)
            {
                Items[i].Write(writer);
            }
        }

        public static DistributionRulesBody Read(ByteReader reader)
        {
            int period = reader.ReadUInt16("distribution period");
            if (period == 0)
            {
                throw new MalformedDataException("distribution period: 0 hours");
            }
            int count = reader.ReadVarInt("distribution item count", 1, MaxItems);
            ItemRule[] items = new ItemRule[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = ItemRule.Read(reader);
                if (i > 0 && items[i].Code <= items[i - 1].Code)
                {
                    throw new MalformedDataException("distribution items: codes must increase");
                }
            }
            return new DistributionRulesBody(period, items);
        }
    }
}
