using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Skold.Nano.Tests;

/// <summary>
/// What compiles against nanoFramework's mscorlib yet breaks or misbehaves on the device, read
/// from a compiled assembly: generic types and methods (ours, or instantiations of mscorlib's
/// Action&lt;T&gt; and Func&lt;T&gt;, which the 1.x interpreter does not run), iterator and
/// async state machines, checked arithmetic (it does not throw there), floating point, localloc.
/// </summary>
internal static class NanoAssemblyScan
{
    public sealed record Result(IReadOnlyList<string> Violations, int MethodsScanned);

    private static readonly HashSet<short> ForbiddenOpcodes = BuildForbiddenOpcodes();

    public static Result Scan(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        MetadataReader md = pe.GetMetadataReader();
        var violations = new List<string>();
        var names = new TypeNames(md);

        for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
        {
            GenericParameter parameter = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
            string owner = parameter.Parent.Kind == HandleKind.TypeDefinition
                ? names.Of((TypeDefinitionHandle)parameter.Parent)
                : MethodName(md, (MethodDefinitionHandle)parameter.Parent);
            violations.Add($"generic parameter {md.GetString(parameter.Name)} of {owner}");
        }
        for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            MethodSpecification spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            ImmutableArray<string> arguments = spec.DecodeSignature(names, null);
            violations.Add($"generic method instantiation <{string.Join(", ", arguments)}>");
        }
        for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            TypeSpecification spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            string type = spec.DecodeSignature(names, null);
            if (type.Contains('<'))
            {
                violations.Add($"generic type instantiation {type}");
            }
        }
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            string name = md.GetString(md.GetTypeDefinition(handle).Name);
            if (name.Contains("d__"))
            {
                violations.Add($"iterator or async state machine {names.Of(handle)}");
            }
        }

        int methods = 0;
        foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
        {
            MethodDefinition method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            methods++;
            string where = MethodName(md, handle);
            BlobReader il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                OpCode opcode = IlOpcodes.Next(ref il, where);
                if (ForbiddenOpcodes.Contains(opcode.Value))
                {
                    violations.Add($"{opcode.Name} in {where}");
                }
                IlOpcodes.SkipOperand(opcode, ref il);
            }
        }
        return new Result(violations, methods);
    }

    private static string MethodName(MetadataReader md, MethodDefinitionHandle handle)
    {
        MethodDefinition method = md.GetMethodDefinition(handle);
        return md.GetString(md.GetTypeDefinition(method.GetDeclaringType()).Name) + "." + md.GetString(method.Name);
    }

    private static HashSet<short> BuildForbiddenOpcodes()
    {
        var forbidden = new HashSet<short>
        {
            OpCodes.Add_Ovf.Value, OpCodes.Add_Ovf_Un.Value, OpCodes.Sub_Ovf.Value, OpCodes.Sub_Ovf_Un.Value,
            OpCodes.Mul_Ovf.Value, OpCodes.Mul_Ovf_Un.Value, OpCodes.Localloc.Value, OpCodes.Ckfinite.Value,
            OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value,
        };
        foreach (OpCode o in typeof(OpCodes).GetFields().Select(f => (OpCode)f.GetValue(null)!))
        {
            if (o.Name!.StartsWith("conv.ovf", StringComparison.Ordinal))
            {
                forbidden.Add(o.Value);
            }
        }
        return forbidden;
    }

    /// <summary>Type names for signatures, enough to say which generic was instantiated with what.</summary>
    private sealed class TypeNames(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string Of(TypeDefinitionHandle handle) => GetTypeFromDefinition(md, handle, 0);

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(", ", typeArguments)}>";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string ns = reader.GetString(type.Namespace);
            return (ns.Length > 0 ? ns + "." : "") + reader.GetString(type.Name);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string ns = reader.GetString(type.Namespace);
            return (ns.Length > 0 ? ns + "." : "") + reader.GetString(type.Name);
        }
    }
}
