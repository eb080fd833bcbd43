using System.Diagnostics;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Tests.Host;

/// <summary>
/// The portable core must stay inside nanoFramework 1.x. build/nanoframework-subset compiles
/// it against an allow-list mscorlib; these tests prove that check rejects violations, and
/// inspect the compiled core for what compiles yet breaks on the device.
/// </summary>
[TestClass]
public class NanoSubsetTests
{
    private static string CheckProject => Path.Combine(RepositoryPaths.Root, "build", "nanoframework-subset", "Check", "Skold.Core.Nano.csproj");

    private static string CheckedAssembly => Path.Combine(RepositoryPaths.Root, "build", "nanoframework-subset", "Check", "bin", RepositoryPaths.Configuration, "Skold.Core.Nano.dll");

    // One file per violation; each must draw at least one compiler error of its own. The
    // compiler skips method bodies once declarations fail, so the two kinds build apart.
    private static readonly Dictionary<string, string> DeclarationViolations = new()
    {
        ["GenericList"] = "class GenericList { System.Collections.Generic.List<int> _items; }",
        ["Linq"] = "using System.Linq; class Linq { }",
        ["AsyncTask"] = "class AsyncTask { async System.Threading.Tasks.Task M() { } }",
        ["NullableInt"] = "class NullableInt { int? _value; }",
        ["FloatingPoint"] = "class FloatingPoint { double _ratio; }",
        ["Span"] = "class Span { System.Span<byte> M() { throw null; } }",
        ["Tuple"] = "class Tuple { (int, int) M() { return (1, 2); } }",
        ["Record"] = "record Record(int Value);",
    };

    private static readonly Dictionary<string, string> BodyViolations = new()
    {
        ["MathPackage"] = "class MathPackage { int M(int a, int b) { return System.Math.Max(a, b); } }",
        ["StringJoin"] = "class StringJoin { string M(string[] a) { return string.Join(\",\", a); } }",
        ["StringReplace"] = "class StringReplace { string M(string a) { return a.Replace(\"a\", \"b\"); } }",
        ["BufferBlockCopy"] = "class BufferBlockCopy { void M(byte[] a, byte[] b) { System.Buffer.BlockCopy(a, 0, b, 0, 1); } }",
        ["ArraySort"] = "class ArraySort { void M(int[] a) { System.Array.Sort(a); } }",
        ["EnvironmentTickCount"] = "class EnvironmentTickCount { int M() { return System.Environment.TickCount; } }",
        ["CharIsDigit"] = "class CharIsDigit { bool M(char c) { return char.IsDigit(c); } }",
        ["Stackalloc"] = "class Stackalloc { int M() { var b = stackalloc byte[4]; return b.Length; } }",
    };

    // What the subset does allow, in one file that must compile cleanly beside the violations.
    private const string Allowed = """
        namespace Probe
        {
            public delegate void Handler(int value);

            public class Allowed
            {
                private readonly System.Collections.ArrayList _list = new System.Collections.ArrayList();
                private readonly object _gate = new object();
                public event Handler? Changed;

                public string Describe(int value)
                {
                    lock (_gate)
                    {
                        _list.Add(value);
                    }
                    Handler h = v => { };
                    h(value);
                    if (Changed != null) { Changed(value); }
                    string kind = value switch { 0 => "zero", _ => "other" };
                    return $"{kind} {value} {_list.Count}";
                }
            }
        }
        """;

    [TestMethod]
    public void DeclarationViolationsFailTheSubsetBuild()
    {
        AssertEachViolationFails(DeclarationViolations);
    }

    [TestMethod]
    public void BodyViolationsFailTheSubsetBuildAndAllowedCodeDoesNot()
    {
        AssertEachViolationFails(BodyViolations, Allowed);
    }

    private static void AssertEachViolationFails(Dictionary<string, string> violations, string? allowed = null) =>
        AssertEachProbeFailsTheBuild(CheckProject, "SubsetProbe", violations, allowed);

    /// <summary>
    /// Builds <paramref name="project"/> with the probe files brought in through its probe property,
    /// and asserts the build fails with an error in every probe and none in the allowed code.
    /// </summary>
    internal static void AssertEachProbeFailsTheBuild(string project, string probeProperty, Dictionary<string, string> violations, string? allowed)
    {
        string dir = Directory.CreateTempSubdirectory("skold-subset-").FullName;
        try
        {
            foreach (var (name, code) in violations)
            {
                File.WriteAllText(Path.Combine(dir, name + ".cs"), code);
            }
            if (allowed is not null)
            {
                File.WriteAllText(Path.Combine(dir, "Allowed.cs"), allowed);
            }
            // The probe property takes one item; a glob brings every probe file in.
            var (exitCode, output) = Run("dotnet", "build", project,
                $"-p:{probeProperty}=" + Path.Combine(dir, "*.cs"),
                "-p:OutputPath=" + Path.Combine(dir, "out") + "/",
                "-p:BaseIntermediateOutputPath=" + Path.Combine(dir, "obj") + "/",
                "-nodeReuse:false", "-p:UseSharedCompilation=false");

            Assert.AreNotEqual(0, exitCode, "a build with violations must fail\n" + output);
            foreach (string name in violations.Keys)
            {
                Assert.Contains(Path.Combine(dir, name + ".cs") + "(", output, $"no compiler error for the {name} violation\n{output}");
            }
            if (allowed is not null)
            {
                Assert.DoesNotContain(Path.Combine(dir, "Allowed.cs") + "(", output, "allowed code drew an error\n" + output);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // C# records fail the subset build; `record` as a plain name compiles, but reads like the
    // feature STYLE.md rules out, so the portable sources do not use the word as code at all.
    [TestMethod]
    public void PortableSourcesDoNotUseTheWordRecordAsCode()
    {
        var offenders = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "shared"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            {
                continue;
            }
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = System.Text.RegularExpressions.Regex.Replace(lines[i], "\"(\\\\.|[^\"\\\\])*\"", "\"\"").Split("//")[0];
                if (System.Text.RegularExpressions.Regex.IsMatch(code, @"\brecord\b"))
                {
                    offenders.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.AreEqual(0, offenders.Count, string.Join("\n", offenders));
    }

    [TestMethod]
    public void CompiledCoreReferencesOnlyTheSurfaceMscorlib()
    {
        using var pe = new PEReader(File.OpenRead(CheckedAssembly));
        var md = pe.GetMetadataReader();
        var names = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        CollectionAssert.AreEqual(new[] { "mscorlib" }, names);
    }

    [TestMethod]
    public void CompiledCoreDeclaresNoGenericsIteratorsOrAsyncMachines()
    {
        AssertNoGenericsIteratorsOrAsyncMachines(CheckedAssembly);
    }

    /// <summary>Also used for the on-device tests' assembly (PortableTestSurfaceTests).</summary>
    internal static void AssertNoGenericsIteratorsOrAsyncMachines(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var md = pe.GetMetadataReader();
        Assert.AreEqual(0, md.GetTableRowCount(TableIndex.GenericParam), "a generic type or method of our own");
        Assert.AreEqual(0, md.GetTableRowCount(TableIndex.MethodSpec), "a generic method instantiation");
        foreach (var handle in md.TypeDefinitions)
        {
            string name = md.GetString(md.GetTypeDefinition(handle).Name);
            Assert.IsFalse(name.Contains("d__"), $"compiler-generated iterator or async state machine {name}");
        }
    }

    [TestMethod]
    public void CompiledCoreUsesNoCheckedArithmeticFloatingPointOrLocalloc()
    {
        Assert.IsGreaterThan(50, AssertNoCheckedArithmeticFloatingPointOrLocalloc(CheckedAssembly), "the scan found the core's methods");
    }

    /// <summary>Scans every method body of the assembly; returns how many it scanned.</summary>
    internal static int AssertNoCheckedArithmeticFloatingPointOrLocalloc(string assembly)
    {
        var forbidden = new HashSet<short>
        {
            OpCodes.Add_Ovf.Value, OpCodes.Add_Ovf_Un.Value, OpCodes.Sub_Ovf.Value, OpCodes.Sub_Ovf_Un.Value,
            OpCodes.Mul_Ovf.Value, OpCodes.Mul_Ovf_Un.Value, OpCodes.Localloc.Value, OpCodes.Ckfinite.Value,
            OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value,
        };
        var opcodes = typeof(OpCodes).GetFields().Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);
        foreach (var o in opcodes.Values.Where(o => o.Name!.StartsWith("conv.ovf", StringComparison.Ordinal)))
        {
            forbidden.Add(o.Value);
        }

        using var pe = new PEReader(File.OpenRead(assembly));
        var md = pe.GetMetadataReader();
        int methods = 0;
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            methods++;
            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                short value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = unchecked((short)(0xFE00 | il.ReadByte()));
                }
                var opcode = opcodes[value];
                string where = md.GetString(md.GetTypeDefinition(method.GetDeclaringType()).Name) + "." + md.GetString(method.Name);
                Assert.IsFalse(forbidden.Contains(value), $"{opcode.Name} in {where}");
                // Size first: reading a switch's count moves the reader.
                int operandSize = OperandSize(opcode, ref il);
                il.Offset += operandSize;
            }
        }
        return methods;
    }

    private static int OperandSize(OpCode opcode, ref BlobReader il) => opcode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 * il.ReadInt32(),
        _ => 4,
    };

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
