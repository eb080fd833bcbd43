using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Skold.Nano.Tests;

/// <summary>Reading method bodies one instruction at a time (also linked into benchmarks/Skold.Benchmarks).</summary>
internal static class IlOpcodes
{
    private static readonly Dictionary<short, OpCode> ByValue =
        typeof(OpCodes).GetFields().Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Reads the next opcode; the reader then stands at its operand.</summary>
    public static OpCode Next(ref BlobReader il, string where)
    {
        short value = il.ReadByte();
        if (value == 0xFE)
        {
            value = unchecked((short)(0xFE00 | il.ReadByte()));
        }
        if (!ByValue.TryGetValue(value, out OpCode opcode))
        {
            throw new InvalidDataException($"unknown opcode 0x{value:X} at IL offset {il.Offset - 1} in {where}");
        }
        return opcode;
    }

    /// <summary>Moves the reader past the operand of <paramref name="opcode"/>.</summary>
    public static void SkipOperand(OpCode opcode, ref BlobReader il)
    {
        // Size first: reading a switch's count moves the reader.
        int size = opcode.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 * il.ReadInt32(),
            _ => 4,
        };
        il.Offset += size;
    }
}
