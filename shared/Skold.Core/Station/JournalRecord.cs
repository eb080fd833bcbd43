using System;
using Skold.Codec;

namespace Skold.Station
{
    /// <summary>
    /// One journal record (docs/formats/journal.md). The common head is kind, sequence, time,
    /// operator and the first 8 bytes of the chain hash before this record; the rest depends on
    /// the kind. Households appear only as 12-byte keyed pseudonyms.
    /// </summary>
    public sealed class JournalRecord
    {
        public const int HeadSize = 18;
        public const int LinkSize = 8;
        public const int OrderIdSize = 8;
        public const int CrisisKeyIdSize = 4;
        public const int CheckpointPeriodic = 1;
        public const int CheckpointShutdown = 2;
        public const int CheckpointRequested = 3;

        /// <summary>Clock set: the operator typed the date and time on the keypad.</summary>
        public const int ClockFromKeypad = 1;

        private static readonly byte[] NoHousehold = new byte[0];

        private JournalRecord(int kind, uint time, int operatorNumber)
        {
            Kind = kind;
            Time = time;
            Operator = operatorNumber;
            Link = new byte[LinkSize];
            Household = NoHousehold;
            Neighbour1 = NoHousehold;
            Neighbour2 = NoHousehold;
            Blob = NoHousehold;
            Blob2 = NoHousehold;
        }

        public int Kind { get; }

        /// <summary>1 for the first record; set when the journal appends it.</summary>
        public uint Sequence { get; internal set; }

        /// <summary>Seconds since the Skold epoch (SkoldTime).</summary>
        public uint Time { get; }

        /// <summary>The logged-in operator's number; 0 for the station itself.</summary>
        public int Operator { get; }

        public byte[] Link { get; internal set; }

        public byte[] Household { get; private set; }

        public byte[] Neighbour1 { get; private set; }

        public byte[] Neighbour2 { get; private set; }

        public int Item { get; private set; }

        /// <summary>Items moved; for a stock correction the signed change.</summary>
        public int Quantity { get; private set; }

        /// <summary>Undo: the hand-out, return or exception it reverses. Order applied: the order's sequence. Clock set: what the clock read before (0: before 2024, lost).</summary>
        public uint Target { get; private set; }

        /// <summary>Opened: station number. Order applied: order kind. Checkpoint: reason. Clock set: source (ClockFromKeypad).</summary>
        public int Code { get; private set; }

        /// <summary>Opened: station public key. Order applied: order id prefix. Checkpoint: signature.</summary>
        public byte[] Blob { get; private set; }

        /// <summary>Opened: council id followed by the crisis key id.</summary>
        public byte[] Blob2 { get; private set; }

        public static JournalRecord Opened(uint time, int stationId, byte[] stationPublicKey, byte[] councilId, byte[] crisisKeyId)
        {
            CheckLength(stationPublicKey, 32, "station public key");
            CheckLength(councilId, 32, "council id");
            CheckLength(crisisKeyId, CrisisKeyIdSize, "crisis key id");
            JournalRecord journalRecord = new JournalRecord(RecordKind.Opened, time, 0);
            journalRecord.Code = CheckRange(stationId, 0, 0xffff, "station");
            journalRecord.Blob = stationPublicKey;
            byte[] rest = new byte[32 + CrisisKeyIdSize];
            Array.Copy(councilId, rest, 32);
            Array.Copy(crisisKeyId, 0, rest, 32, CrisisKeyIdSize);
            journalRecord.Blob2 = rest;
            return journalRecord;
        }

        public static JournalRecord Session(int kind, uint time, int operatorNumber)
        {
            if (kind != RecordKind.Login && kind != RecordKind.Logout)
            {
                throw new ArgumentException("a session record is a login or a logout");
            }
            return new JournalRecord(kind, time, CheckRange(operatorNumber, 1, 255, "operator"));
        }

        public static JournalRecord StockReceived(uint time, int operatorNumber, int item, int quantity)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.StockReceived, time, operatorNumber);
            journalRecord.Item = CheckRange(item, 1, 255, "item");
            journalRecord.Quantity = CheckRange(quantity, 1, 0xffff, "quantity");
            return journalRecord;
        }

        public static JournalRecord HandOut(uint time, int operatorNumber, byte[] household, int item, int quantity)
        {
            return Movement(RecordKind.HandOut, time, operatorNumber, household, item, quantity);
        }

        public static JournalRecord Returned(uint time, int operatorNumber, byte[] household, int item, int quantity)
        {
            return Movement(RecordKind.Returned, time, operatorNumber, household, item, quantity);
        }

        public static JournalRecord Exception(uint time, int operatorNumber, byte[] household, int item, int quantity, byte[] neighbour1, byte[] neighbour2)
        {
            JournalRecord journalRecord = Movement(RecordKind.Exception, time, operatorNumber, household, item, quantity);
            CheckLength(neighbour1, HouseholdCard.PseudonymSize, "neighbour");
            CheckLength(neighbour2, HouseholdCard.PseudonymSize, "neighbour");
            journalRecord.Neighbour1 = neighbour1;
            journalRecord.Neighbour2 = neighbour2;
            return journalRecord;
        }

        public static JournalRecord Undo(uint time, int operatorNumber, uint target)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.Undo, time, operatorNumber);
            if (target == 0)
            {
                throw new ArgumentException("an undo names the record it reverses");
            }
            journalRecord.Target = target;
            return journalRecord;
        }

        public static JournalRecord StockCorrection(uint time, int operatorNumber, int item, int change)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.StockCorrection, time, operatorNumber);
            journalRecord.Item = CheckRange(item, 1, 255, "item");
            if (change == 0 || change < -32768 || change > 32767)
            {
                throw new ArgumentOutOfRangeException(nameof(change), "a stock correction changes stock by -32768..32767, not 0");
            }
            journalRecord.Quantity = change;
            return journalRecord;
        }

        public static JournalRecord OrderApplied(uint time, int orderKind, int orderSequence, byte[] orderId)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.OrderApplied, time, 0);
            journalRecord.Code = CheckRange(orderKind, 0, 255, "order kind");
            journalRecord.Target = (uint)CheckRange(orderSequence, 0, 0xffffff, "order sequence");
            if (orderId == null || orderId.Length < OrderIdSize)
            {
                throw new ArgumentException("an order id has at least " + OrderIdSize + " bytes");
            }
            byte[] prefix = new byte[OrderIdSize];
            Array.Copy(orderId, prefix, OrderIdSize);
            journalRecord.Blob = prefix;
            return journalRecord;
        }

        public static JournalRecord Checkpoint(uint time, int reason, byte[] signature)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.Checkpoint, time, 0);
            journalRecord.Code = CheckRange(reason, CheckpointPeriodic, CheckpointRequested, "checkpoint reason");
            CheckLength(signature, 64, "checkpoint signature");
            journalRecord.Blob = signature;
            return journalRecord;
        }

        /// <summary>
        /// The station's clock was set by an operator (who is in the head) to this record's time;
        /// clockBefore is what it read just before. Written before that operator's login.
        /// </summary>
        public static JournalRecord ClockSet(uint time, int operatorNumber, uint clockBefore, int source)
        {
            JournalRecord journalRecord = new JournalRecord(RecordKind.ClockSet, time, CheckRange(operatorNumber, 1, 255, "operator"));
            journalRecord.Target = clockBefore;
            journalRecord.Code = CheckRange(source, ClockFromKeypad, ClockFromKeypad, "clock source");
            return journalRecord;
        }

        public byte[] StationPublicKey
        {
            get { return Blob; }
        }

        public byte[] CouncilId
        {
            get { return Slice(Blob2, 0, 32); }
        }

        public byte[] CrisisKeyId
        {
            get { return Slice(Blob2, 32, CrisisKeyIdSize); }
        }

        /// <summary>Is this a hand-out, return or exception, the kinds an undo may reverse.</summary>
        public bool IsMovement
        {
            get { return Kind == RecordKind.HandOut || Kind == RecordKind.Returned || Kind == RecordKind.Exception; }
        }

        public byte[] EncodeBody()
        {
            ByteWriter writer = new ByteWriter(96);
            writer.WriteByte(Kind);
            writer.WriteUInt32(Sequence);
            writer.WriteUInt32(Time);
            writer.WriteByte(Operator);
            writer.WriteBytes(Link);
            switch (Kind)
            {
                case RecordKind.Opened:
                    writer.WriteUInt16(Code);
                    writer.WriteBytes(Blob);
                    writer.WriteBytes(Blob2);
                    break;
                case RecordKind.StockReceived:
                    writer.WriteByte(Item);
                    writer.WriteUInt16(Quantity);
                    break;
                case RecordKind.HandOut:
                case RecordKind.Returned:
                case RecordKind.Exception:
                    writer.WriteBytes(Household);
                    writer.WriteByte(Item);
                    writer.WriteByte(Quantity);
                    if (Kind == RecordKind.Exception)
                    {
                        writer.WriteBytes(Neighbour1);
                        writer.WriteBytes(Neighbour2);
                    }
                    break;
                case RecordKind.Undo:
                    writer.WriteUInt32(Target);
                    break;
                case RecordKind.StockCorrection:
                    writer.WriteByte(Item);
                    writer.WriteUInt16(Quantity & 0xffff);
                    break;
                case RecordKind.OrderApplied:
                    writer.WriteByte(Code);
                    writer.WriteUInt24((int)Target);
                    writer.WriteBytes(Blob);
                    break;
                case RecordKind.Checkpoint:
                    writer.WriteByte(Code);
                    writer.WriteBytes(Blob);
                    break;
                case RecordKind.ClockSet:
                    writer.WriteUInt32(Target);
                    writer.WriteByte(Code);
                    break;
            }
            return writer.ToArray();
        }

        /// <summary>Decodes a record body; anything but an exact, known layout is MalformedDataException.</summary>
        public static JournalRecord DecodeBody(byte[] data, int offset, int count)
        {
            ByteReader reader = new ByteReader(data, offset, count);
            int kind = reader.ReadByte("record kind");
            if (!RecordKind.IsKnown(kind))
            {
                throw new MalformedDataException("record kind " + kind + " is unknown");
            }
            uint sequence = reader.ReadUInt32("record sequence");
            uint time = reader.ReadUInt32("record time");
            int operatorNumber = reader.ReadByte("record operator");
            byte[] link = reader.ReadBytes(LinkSize, "record link");
            JournalRecord journalRecord = new JournalRecord(kind, time, operatorNumber);
            journalRecord.Sequence = sequence;
            journalRecord.Link = link;
            switch (kind)
            {
                case RecordKind.Opened:
                    journalRecord.Code = reader.ReadUInt16("station");
                    journalRecord.Blob = reader.ReadBytes(32, "station public key");
                    journalRecord.Blob2 = reader.ReadBytes(32 + CrisisKeyIdSize, "council and crisis key ids");
                    break;
                case RecordKind.StockReceived:
                    journalRecord.Item = ReadItem(reader);
                    journalRecord.Quantity = reader.ReadUInt16("quantity");
                    break;
                case RecordKind.HandOut:
                case RecordKind.Returned:
                case RecordKind.Exception:
                    journalRecord.Household = reader.ReadBytes(HouseholdCard.PseudonymSize, "household");
                    journalRecord.Item = ReadItem(reader);
                    journalRecord.Quantity = reader.ReadByte("quantity");
                    if (kind == RecordKind.Exception)
                    {
                        journalRecord.Neighbour1 = reader.ReadBytes(HouseholdCard.PseudonymSize, "neighbour");
                        journalRecord.Neighbour2 = reader.ReadBytes(HouseholdCard.PseudonymSize, "neighbour");
                    }
                    break;
                case RecordKind.Undo:
                    journalRecord.Target = reader.ReadUInt32("undone record");
                    break;
                case RecordKind.StockCorrection:
                    journalRecord.Item = ReadItem(reader);
                    int change = reader.ReadUInt16("stock change");
                    journalRecord.Quantity = change >= 0x8000 ? change - 0x10000 : change;
                    break;
                case RecordKind.OrderApplied:
                    journalRecord.Code = reader.ReadByte("order kind");
                    journalRecord.Target = (uint)reader.ReadUInt24("order sequence");
                    journalRecord.Blob = reader.ReadBytes(OrderIdSize, "order id");
                    break;
                case RecordKind.Checkpoint:
                    journalRecord.Code = reader.ReadByte("checkpoint reason");
                    if (journalRecord.Code < CheckpointPeriodic || journalRecord.Code > CheckpointRequested || operatorNumber != 0)
                    {
                        throw new MalformedDataException("checkpoint: reason 1..3 and operator 0 expected");
                    }
                    journalRecord.Blob = reader.ReadBytes(64, "checkpoint signature");
                    break;
                case RecordKind.ClockSet:
                    journalRecord.Target = reader.ReadUInt32("clock before");
                    journalRecord.Code = reader.ReadByte("clock source");
                    if (journalRecord.Code != ClockFromKeypad || operatorNumber == 0)
                    {
                        throw new MalformedDataException("clock set: source 1 (keypad) and an operator expected");
                    }
                    break;
            }
            reader.ExpectEnd("journal record");
            return journalRecord;
        }

        private static JournalRecord Movement(int kind, uint time, int operatorNumber, byte[] household, int item, int quantity)
        {
            CheckLength(household, HouseholdCard.PseudonymSize, "household");
            JournalRecord journalRecord = new JournalRecord(kind, time, CheckRange(operatorNumber, 1, 255, "operator"));
            journalRecord.Household = household;
            journalRecord.Item = CheckRange(item, 1, 255, "item");
            journalRecord.Quantity = CheckRange(quantity, 1, 255, "quantity");
            return journalRecord;
        }

        private static int ReadItem(ByteReader reader)
        {
            int item = reader.ReadByte("item");
            if (item == 0)
            {
                throw new MalformedDataException("item: 0 is not an item");
            }
            return item;
        }

        private static byte[] Slice(byte[] source, int offset, int count)
        {
            byte[] copy = new byte[count];
            if (source.Length >= offset + count)
            {
                Array.Copy(source, offset, copy, 0, count);
            }
            return copy;
        }

        private static void CheckLength(byte[] value, int length, string what)
        {
            if (value == null || value.Length != length)
            {
                throw new ArgumentException(what + ": " + length + " bytes expected");
            }
        }

        private static int CheckRange(int value, int min, int max, string what)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(what, what + " must be " + min + ".." + max);
            }
            return value;
        }
    }
}
