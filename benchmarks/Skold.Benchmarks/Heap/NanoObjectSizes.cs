namespace Skold.Benchmarks.Heap;

/// <summary>
/// How many bytes of managed heap nanoCLR spends on an object (nanoframework/nf-interpreter,
/// see benchmarks/README.md "Heap" for the files and lines these come from).
/// </summary>
internal static class NanoObjectSizes
{
    /// <summary>One CLR_RT_HeapBlock: the unit of every allocation.</summary>
    public const int Block = 12;

    /// <summary>CLR_RT_HeapBlock_Array: the array's header before its elements.</summary>
    public const int ArrayHeader = 20;

    /// <summary>CLR_RT_HeapBlock_Delegate: header, method, target.</summary>
    public const int Delegate = 3 * Block;

    /// <summary>A class instance or boxed struct: a header block and one block per field, whatever its type.</summary>
    public static long Instance(int fields) => (fields + 1L) * Block;

    /// <summary>Header plus elements, rounded up to whole blocks; reference and struct elements take a block each.</summary>
    public static long Array(Type element, int length)
    {
        long elements = length * (long)ElementSize(element);
        return RoundUp(ArrayHeader + elements);
    }

    /// <summary>A string made at run time: its header block and the UTF-8 text with a terminating zero.</summary>
    public static long String(string text) => RoundUp(Block + System.Text.Encoding.UTF8.GetByteCount(text) + 1);

    /// <summary>
    /// One call frame (CLR_RT_StackFrame, allocated on the managed heap): a 7-block header and
    /// its locals and evaluation stack with 3 spare slots, at least 10 (arguments live in the
    /// caller's evaluation stack).
    /// </summary>
    public static long Frame(int locals, int maxStack) => Block * (7L + Math.Max(10, locals + maxStack + 3));

    public static long RoundUp(long bytes) => (bytes + Block - 1) / Block * Block;

    private static int ElementSize(Type element)
    {
        if (element == typeof(byte) || element == typeof(sbyte) || element == typeof(bool))
        {
            return 1;
        }
        if (element == typeof(short) || element == typeof(ushort) || element == typeof(char))
        {
            return 2;
        }
        if (element == typeof(int) || element == typeof(uint) || element == typeof(float))
        {
            return 4;
        }
        if (element == typeof(long) || element == typeof(ulong) || element == typeof(double))
        {
            return 8;
        }
        if (element.IsEnum)
        {
            return ElementSize(Enum.GetUnderlyingType(element));
        }
        return Block;
    }
}
