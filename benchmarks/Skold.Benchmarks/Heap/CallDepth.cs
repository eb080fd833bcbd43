using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

using Skold.Nano.Tests;

namespace Skold.Benchmarks.Heap;

/// <summary>
/// The costliest chain of calls below one method of an assembly compiled for nanoFramework, read
/// from its IL (calls into the same assembly; mscorlib's are leaves), each frame sized as nanoCLR
/// sizes it from the method's locals and evaluation stack (NanoObjectSizes.Frame). nanoCLR keeps
/// every frame on the managed heap, so that chain is the method's stack cost there. Also lists the allocation
/// opcodes (newarr, newobj, box) anywhere below it.
/// </summary>
internal sealed class CallDepth
{
    private readonly PEReader _pe;
    private readonly MetadataReader _md;
    private readonly Dictionary<MethodDefinitionHandle, (int Depth, long Bytes, string Chain)> _memo = new();
    private readonly HashSet<MethodDefinitionHandle> _active = new();

    public CallDepth(string assembly)
    {
        _pe = new PEReader(File.OpenRead(assembly));
        _md = _pe.GetMetadataReader();
    }

    public List<string> Allocations { get; } = new();

    public bool Recursive { get; private set; }

    /// <summary>The costliest chain from the named method: frames, their heap bytes, the chain itself.</summary>
    public (int Depth, long Bytes, string Chain) Deepest(string typeName, string methodName, int parameterCount)
    {
        MethodDefinitionHandle start = _md.MethodDefinitions.First(h =>
        {
            MethodDefinition m = _md.GetMethodDefinition(h);
            return _md.GetString(m.Name) == methodName
                && _md.GetString(_md.GetTypeDefinition(m.GetDeclaringType()).Name) == typeName
                && m.GetParameters().Count == parameterCount;
        });
        return Walk(start);
    }

    private (int Depth, long Bytes, string Chain) Walk(MethodDefinitionHandle handle)
    {
        if (_memo.TryGetValue(handle, out var known))
        {
            return known;
        }
        if (!_active.Add(handle))
        {
            Recursive = true;
            return (0, 0, "(recursion)");
        }
        MethodDefinition method = _md.GetMethodDefinition(handle);
        string name = _md.GetString(_md.GetTypeDefinition(method.GetDeclaringType()).Name) + "." + _md.GetString(method.Name);
        long own = FrameBytes(method);
        (int Depth, long Bytes, string Chain) deepest = (0, 0, "");
        if (method.RelativeVirtualAddress != 0)
        {
            BlobReader il = _pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                OpCode opcode = IlOpcodes.Next(ref il, name);
                if (opcode == OpCodes.Newarr || opcode == OpCodes.Newobj || opcode == OpCodes.Box)
                {
                    Allocations.Add($"{opcode.Name} in {name}");
                }
                if (opcode.OperandType == OperandType.InlineMethod)
                {
                    int token = il.ReadInt32();
                    EntityHandle callee = MetadataTokens.EntityHandle(token);
                    if (callee.Kind == HandleKind.MethodDefinition && (opcode == OpCodes.Call || opcode == OpCodes.Callvirt || opcode == OpCodes.Newobj))
                    {
                        var below = Walk((MethodDefinitionHandle)callee);
                        if (below.Bytes > deepest.Bytes)
                        {
                            deepest = below;
                        }
                    }
                    continue;
                }
                IlOpcodes.SkipOperand(opcode, ref il);
            }
        }
        _active.Remove(handle);
        var result = (deepest.Depth + 1, deepest.Bytes + own, deepest.Chain.Length == 0 ? name : name + " > " + deepest.Chain);
        _memo[handle] = result;
        return result;
    }

    private long FrameBytes(MethodDefinition method)
    {
        if (method.RelativeVirtualAddress == 0)
        {
            return 0;
        }
        MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        int locals = body.LocalSignature.IsNil ? 0 : LocalCount(body);
        return NanoObjectSizes.Frame(locals, body.MaxStack);
    }

    private int LocalCount(MethodBodyBlock body)
    {
        BlobReader reader = _md.GetBlobReader(_md.GetStandaloneSignature(body.LocalSignature).Signature);
        reader.ReadByte(); // LOCAL_SIG
        return reader.ReadCompressedInteger();
    }
}
