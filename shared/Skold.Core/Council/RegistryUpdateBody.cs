using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// REGISTRY_UPDATE: changes to the council's members, policies and stations, applied in order.
    /// Body: the sequence number of the registry update it follows (varint; 0 for the first after
    /// the genesis), operation count (varint), operations. Naming its predecessor chains the
    /// updates, so a device that receives them out of order applies them in order and cannot
    /// skip one (a lost revocation would let a revoked key count again).
    /// </summary>
    public sealed class RegistryUpdateBody : IOrderBody
    {
        public const int MaxOperations = 16;

        public RegistryUpdateBody(RegistryOperation[] operations)
            : this(0, operations)
        {
        }

        public RegistryUpdateBody(int afterSequence, RegistryOperation[] operations)
        {
            if (afterSequence < 0 || afterSequence > Order.MaxSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(afterSequence), "the previous update's sequence number is 0.." + Order.MaxSequence);
            }
            AfterSequence = afterSequence;
            if (operations == null || operations.Length == 0 || operations.Length > MaxOperations)
            {
                throw new ArgumentException("a registry update has 1.." + MaxOperations + " operations", nameof(operations));
            }
            Operations = operations;
        }

        /// <summary>The sequence number of the registry update this one follows; 0 for the first.</summary>
        public int AfterSequence { get; }

        public RegistryOperation[] Operations { get; }

        public void Write(ByteWriter writer)
        {
            writer.WriteVarUInt((uint)AfterSequence);
            writer.WriteVarUInt((uint)Operations.Length);
            for (int i = 0; i < Operations.Length; i++)
            {
                Operations[i].Write(writer);
            }
        }

        public static RegistryUpdateBody Read(ByteReader reader)
        {
            int after = reader.ReadVarInt("previous registry update", 0, Order.MaxSequence);
            int count = reader.ReadVarInt("registry operation count", 1, MaxOperations);
            RegistryOperation[] operations = new RegistryOperation[count];
            for (int i = 0; i < count; i++)
            {
                operations[i] = RegistryOperation.Read(reader);
            }
            return new RegistryUpdateBody(after, operations);
        }
    }
}
