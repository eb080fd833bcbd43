using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Nano.Tests;

/// <summary>
/// The portable core (shared/) must stay inside nanoFramework 1.x. The host build compiles
/// each shared .nfproj against the real mscorlib of nanoFramework.CoreLibrary 1.17.11; these
/// tests prove that rejects what the board lacks, and scan the compiled assemblies for what
/// compiles yet breaks on the device.
/// </summary>
[TestClass]
public partial class PortableCoreSubsetTests
{
    private static string CoreProject => NanoBuild.Project("shared/Skold.Core/Skold.Core.nfproj");

    private static readonly string[] PortableAssemblies = { "Skold.Core.dll", "Skold.Radio.Sx127x.dll", "Skold.Board.dll" };

    // One file per violation; each must draw at least one compiler error of its own. The
    // compiler skips method bodies once declarations fail, so the two kinds build apart.
    private static readonly Dictionary<string, string> DeclarationViolations = new()
    {
        ["GenericList"] = "class GenericList { System.Collections.Generic.List<int> _items; }",
        ["Linq"] = "using System.Linq; class Linq { }",
        ["AsyncTask"] = "class AsyncTask { async System.Threading.Tasks.Task M() { } }",
        ["NullableInt"] = "class NullableInt { int? _value; }",
        ["Span"] = "class Span { System.Span<byte> M() { throw null; } }",
        ["Tuple"] = "class Tuple { (int, int) M() { return (1, 2); } }",
        ["Record"] = "record Record(int Value);",
        ["Hashtable"] = "class Hashtable { System.Collections.Hashtable _table; }",
        ["StringBuilder"] = "class StringBuilder { System.Text.StringBuilder _text; }",
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
        ["Iterator"] = "class Iterator { public System.Collections.IEnumerable M() { yield return 1; } }",
        ["EncodingPackage"] = "class EncodingPackage { byte[] M(string s) { return System.Text.Encoding.UTF8.GetBytes(s); } }",
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
                    byte[] copy = new byte[4];
                    System.Array.Copy(new byte[4], 0, copy, 0, 4);
                    return $"{kind} {value} {_list.Count} {copy.Length}";
                }
            }
        }
        """;

    // Each compiles against the real mscorlib; the scan of the compiled assembly must name each.
    private static readonly Dictionary<string, string> ScanViolations = new()
    {
        ["FloatingPoint"] = "class FloatingPoint { public int M(int a) { double r = a * 0.5; return (int)r; } }",
        ["CheckedArithmetic"] = "class CheckedArithmetic { public int M(int a, int b) { return checked(a + b); } }",
        ["OwnGenericType"] = "class OwnGenericType<T> { }",
        ["OwnGenericMethod"] = "class OwnGenericMethod { static T Id<T>(T v) { return v; } public int M() { return Id(1); } }",
        ["MscorlibGeneric"] = "class MscorlibGeneric { public void M() { System.Action<MscorlibGeneric> a = x => { }; a(this); } }",
    };

    [TestMethod]
    public void DeclarationViolationsFailTheBuild()
    {
        NanoBuild.AssertEachProbeFails(CoreProject, "Skold.Core", DeclarationViolations);
    }

    [TestMethod]
    public void BodyViolationsFailTheBuildAndAllowedCodeDoesNot()
    {
        NanoBuild.AssertEachProbeFails(CoreProject, "Skold.Core", BodyViolations, Allowed);
    }

    [TestMethod]
    public void TheScanNamesWhatCompilesButBreaksOnTheDevice()
    {
        using var dir = new TemporaryFolder("skold-scan-");
        foreach (var (name, code) in ScanViolations)
        {
            File.WriteAllText(Path.Combine(dir.Path, name + ".cs"), code);
        }
        string output = Path.Combine(dir.Path, "out");
        var (exitCode, log) = NanoBuild.Build(CoreProject, output, "Skold.Core", Path.Combine(dir.Path, "*.cs"));
        Assert.AreEqual(0, exitCode, "these probes compile against the real mscorlib\n" + log);

        NanoAssemblyScan.Result scan = NanoAssemblyScan.Scan(Path.Combine(output, "Skold.Core.dll"));
        foreach (string name in ScanViolations.Keys)
        {
            Assert.IsTrue(scan.Violations.Any(v => v.Contains(name, StringComparison.Ordinal)), $"the scan missed {name}:\n" + string.Join("\n", scan.Violations));
        }
    }

    [TestMethod]
    public void CompiledPortableAssembliesUseNothingTheDeviceCannotRun()
    {
        foreach (string assembly in PortableAssemblies)
        {
            NanoAssemblyScan.Result scan = NanoAssemblyScan.Scan(NanoBuild.Image(assembly));
            Assert.IsEmpty(scan.Violations, assembly + ":\n" + string.Join("\n", scan.Violations));
            Assert.IsGreaterThan(20, scan.MethodsScanned, $"the scan found {assembly}'s methods");
        }
    }

    [TestMethod]
    public void CompiledPortableAssembliesReferenceOnlyTheRealMscorlibAndEachOther()
    {
        var allowed = new HashSet<string> { "mscorlib 1.17.11.0", "Skold.Core 0.0.0.0", "Skold.Radio.Sx127x 0.0.0.0" };
        foreach (string assembly in PortableAssemblies)
        {
            using var pe = new PEReader(File.OpenRead(NanoBuild.Image(assembly)));
            MetadataReader md = pe.GetMetadataReader();
            foreach (AssemblyReferenceHandle handle in md.AssemblyReferences)
            {
                AssemblyReference reference = md.GetAssemblyReference(handle);
                string identity = $"{md.GetString(reference.Name)} {reference.Version}";
                Assert.Contains(identity, allowed, $"{assembly} references {identity}");
            }
        }
    }

    // C# records fail the subset build; `record` as a plain name compiles, but reads like the
    // feature STYLE.md rules out, so the portable sources do not use the word as code at all.
    [TestMethod]
    public void PortableSourcesDoNotUseTheWordRecordAsCode()
    {
        var offenders = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(NanoBuild.Root, "shared"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            {
                continue;
            }
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = StringLiteral().Replace(lines[i], "\"\"").Split("//")[0];
                if (RecordWord().IsMatch(code))
                {
                    offenders.Add($"{Path.GetRelativePath(NanoBuild.Root, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.IsEmpty(offenders, string.Join("\n", offenders));
    }

    [GeneratedRegex("\"(\\\\.|[^\"\\\\])*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\brecord\b")]
    private static partial Regex RecordWord();
}
