using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>REGISTRY_UPDATE: changes to the council's members and policies, applied in order. Body: count (varint), operations.</summary>
    public sealed class RegistryUpdateBody : IOrderBody
    {
        public const int MaxOperations = 16;

        public RegistryUpdateBody(RegistryOperation[] operations)
        {
            if (operations == null || operations.Length == 0 || operations.Length > MaxOperations)
            {
                throw new ArgumentException("a registry update has 1.." + MaxOperations + " operations", nameof(operations));
            }
            Operations = operations;
        }

        public RegistryOperation[] Operations { get; }

        public void Write(ByteWriter writer)
        {
            writer.WriteVarUInt((uint)Operations.Length);
            for (int i = 0; i < Operations.Length; i++)
            {
                Operations[i].Write(writer);
            }
        }

        public static RegistryUpdateBody Read(ByteReader reader)
        {
            int count = reader.ReadVarInt("registry operation count", 1, MaxOperations);
            RegistryOperation[] operations = new RegistryOperation[count];
            for (int i = 0; i < count; i++)
            {
                operations[i] = RegistryOperation.Read(reader);
            }
            return new RegistryUpdateBody(operations);
        }
    }
}
