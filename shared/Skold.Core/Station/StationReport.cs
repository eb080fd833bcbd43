using System;
using Skold.Codec;

namespace Skold.Station
{
    /// <summary>
    /// A station's situation for the council, small enough for one LoRa frame and free of
    /// personal data (docs/formats/journal.md). Body: time (u32), journal records (u32),
    /// battery millivolts (u16), households served, hand-outs and exceptions (varints), then
    /// per item code: stock (zigzag varint) and lent items out (varint). The relay envelope
    /// (station number, signature) is Mesh.StationReportSignature.
    /// </summary>
    public sealed class StationReport
    {
        public const int MaxItems = 16;

        public StationReport(uint time, uint journalRecords, int batteryMillivolts, int householdsServed, int handOuts, int exceptions,
            int[] itemCodes, int[] stock, int[] lentOut)
        {
            if (itemCodes == null || stock == null || lentOut == null || itemCodes.Length != stock.Length || itemCodes.Length != lentOut.Length
                || itemCodes.Length > MaxItems)
            {
                throw new ArgumentException("a report lists up to " + MaxItems + " items, each with stock and lent-out counts");
            }
            if (batteryMillivolts < 0 || batteryMillivolts > 0xffff)
            {
                throw new ArgumentOutOfRangeException(nameof(batteryMillivolts), "battery is 0..65535 mV");
            }
            Time = time;
            JournalRecords = journalRecords;
            BatteryMillivolts = batteryMillivolts;
            HouseholdsServed = householdsServed;
            HandOuts = handOuts;
            Exceptions = exceptions;
            ItemCodes = itemCodes;
            Stock = stock;
            LentOut = lentOut;
        }

        public uint Time { get; }

        public uint JournalRecords { get; }

        public int BatteryMillivolts { get; }

        public int HouseholdsServed { get; }

        public int HandOuts { get; }

        public int Exceptions { get; }

        public int[] ItemCodes { get; }

        public int[] Stock { get; }

        public int[] LentOut { get; }

        /// <summary>The report of a station's book now, for the items its rules name.</summary>
        public static StationReport From(DistributionBook book, uint journalRecords, int batteryMillivolts, uint now)
        {
            int count = book.Rules == null ? 0 : book.Rules.Items.Length;
            if (count > MaxItems)
            {
                count = MaxItems;
            }
            int[] codes = new int[count];
            int[] stock = new int[count];
            int[] lent = new int[count];
            for (int i = 0; i < count; i++)
            {
                codes[i] = book.Rules!.Items[i].Code;
                stock[i] = book.Stock(codes[i]);
                lent[i] = book.IsLent(codes[i]) ? book.TotalOut(codes[i]) : 0;
            }
            return new StationReport(now, journalRecords, batteryMillivolts, book.HouseholdsServed, book.HandOuts, book.ExceptionsGranted, codes, stock, lent);
        }

        public byte[] Encode()
        {
            ByteWriter writer = new ByteWriter(64);
            writer.WriteUInt32(Time);
            writer.WriteUInt32(JournalRecords);
            writer.WriteUInt16(BatteryMillivolts);
            writer.WriteVarUInt((uint)HouseholdsServed);
            writer.WriteVarUInt((uint)HandOuts);
            writer.WriteVarUInt((uint)Exceptions);
            writer.WriteVarUInt((uint)ItemCodes.Length);
            for (int i = 0; i < ItemCodes.Length; i++)
            {
                writer.WriteByte(ItemCodes[i]);
                writer.WriteVarUInt((uint)((Stock[i] << 1) ^ (Stock[i] >> 31)));
                writer.WriteVarUInt((uint)LentOut[i]);
            }
            return writer.ToArray();
        }

        public static StationReport Decode(byte[] data, int offset, int count)
        {
            ByteReader reader = new ByteReader(data, offset, count);
            uint time = reader.ReadUInt32("report time");
            uint records = reader.ReadUInt32("journal records");
            int battery = reader.ReadUInt16("battery");
            int served = reader.ReadVarInt("households served", 0, int.MaxValue);
            int handOuts = reader.ReadVarInt("hand-outs", 0, int.MaxValue);
            int exceptions = reader.ReadVarInt("exceptions", 0, int.MaxValue);
            int items = reader.ReadVarInt("item count", 0, MaxItems);
            int[] codes = new int[items];
            int[] stock = new int[items];
            int[] lent = new int[items];
            for (int i = 0; i < items; i++)
            {
                codes[i] = reader.ReadByte("item");
                uint zigzag = reader.ReadVarUInt("stock");
                stock[i] = (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
                lent[i] = reader.ReadVarInt("lent out", 0, int.MaxValue);
            }
            reader.ExpectEnd("station report");
            return new StationReport(time, records, battery, served, handOuts, exceptions, codes, stock, lent);
        }
    }
}
