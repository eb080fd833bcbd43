using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// RESERVE_ACTIVATION: releases money from the acute reserve (10% of the resilience fund).
    /// Body: amount in whole kronor (uint32), spend-by time (uint32), purpose (text).
    /// </summary>
    public sealed class ReserveActivationBody : IOrderBody
    {
        public const int MaxPurposeBytes = 200;

        public ReserveActivationBody(uint amountSek, uint spendBy, string purpose)
        {
            if (amountSek == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amountSek), "the amount must be at least 1 SEK");
            }
            if (purpose == null || purpose.Length == 0 || TextCodec.Encode(purpose).Length > MaxPurposeBytes)
            {
                throw new ArgumentException("the purpose is 1.." + MaxPurposeBytes + " bytes of text", nameof(purpose));
            }
            AmountSek = amountSek;
            SpendBy = spendBy;
            Purpose = purpose;
        }

        public uint AmountSek { get; }

        public uint SpendBy { get; }

        public string Purpose { get; }

        public void Write(ByteWriter writer)
        {
            writer.WriteUInt32(AmountSek);
            writer.WriteUInt32(SpendBy);
            writer.WriteText(Purpose);
        }

        public static ReserveActivationBody Read(ByteReader reader)
        {
            uint amount = reader.ReadUInt32("reserve amount");
            uint spendBy = reader.ReadUInt32("reserve spend-by");
            string purpose = reader.ReadText("reserve purpose", MaxPurposeBytes);
            if (amount == 0 || purpose.Length == 0)
            {
                throw new MalformedDataException("reserve activation: needs an amount and a purpose");
            }
            return new ReserveActivationBody(amount, spendBy, purpose);
        }
    }
}
