using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// The quota of one item in a DISTRIBUTION_RULES order. Codes 1..127 are standard items
    /// (1 battery pack, 2 food parcel, 3 water); 128..255 are items the council adds later and
    /// carry their own name.
    /// </summary>
    public sealed class ItemRule
    {
        public const int BatteryPack = 1;
        public const int FoodParcel = 2;
        public const int Water = 3;
        public const int FirstCustomCode = 128;
        public const int MaxNameBytes = 24;

        public ItemRule(int code, string? name, int perHouseholdPerPeriod, int maxOutAtOnce, int exceptionsPerPeriod)
        {
            if (code < 1 || code > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(code), "an item code is 1..255");
            }
            if ((code >= FirstCustomCode) != (name != null))
            {
                throw new ArgumentException("items 128..255 need a name and standard items 1..127 have none", nameof(name));
            }
            if (name != null && (name.Length == 0 || TextCodec.Encode(name).Length > MaxNameBytes))
            {
                throw new ArgumentException("an item name is 1.." + MaxNameBytes + " bytes", nameof(name));
            }
            if (perHouseholdPerPeriod < 0 || perHouseholdPerPeriod > 255 || maxOutAtOnce < 0 || maxOutAtOnce > 255
                || exceptionsPerPeriod < 0 || exceptionsPerPeriod > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(perHouseholdPerPeriod), "quotas are 0..255");
            }
            Code = code;
            Name = name;
            PerHouseholdPerPeriod = perHouseholdPerPeriod;
            MaxOutAtOnce = maxOutAtOnce;
            ExceptionsPerPeriod = exceptionsPerPeriod;
        }

        public int Code { get; }

        /// <summary>The name of a custom item; null for standard items.</summary>
        public string? Name { get; }

        public int PerHouseholdPerPeriod { get; }

        /// <summary>For lent items (battery packs): how many a household may have out at once; 0 for items not lent.</summary>
        public int MaxOutAtOnce { get; }

        /// <summary>Neighbour-verified exceptions a household may get per period.</summary>
        public int ExceptionsPerPeriod { get; }

        public string DisplayName
        {
            get { return Name ?? StandardName(Code); }
        }

        /// <summary>The English name of a standard item, or "item N" for a code without one.</summary>
        public static string StandardName(int code)
        {
            switch (code)
            {
                case BatteryPack:
                    return "battery pack";
                case FoodParcel:
                    return "food parcel";
                case Water:
                    return "water";
                default:
                    return "item " + code;
            }
        }

        public void Write(ByteWriter writer)
        {
            writer.WriteByte(Code);
            if (Name != null)
            {
                writer.WriteText(Name);
            }
            writer.WriteByte(PerHouseholdPerPeriod);
            writer.WriteByte(MaxOutAtOnce);
            writer.WriteByte(ExceptionsPerPeriod);
        }

        public static ItemRule Read(ByteReader reader)
        {
            int code = reader.ReadByte("item code");
            if (code == 0)
            {
                throw new MalformedDataException("item code: 0 is not an item");
            }
            string? name = null;
            if (code >= FirstCustomCode)
            {
                name = reader.ReadText("item name", MaxNameBytes);
                if (name.Length == 0)
                {
                    throw new MalformedDataException("item name: empty");
                }
            }
            int quota = reader.ReadByte("item quota");
            int maxOut = reader.ReadByte("item max out");
            int exceptions = reader.ReadByte("item exceptions");
            return new ItemRule(code, name, quota, maxOut, exceptions);
        }
    }
}
