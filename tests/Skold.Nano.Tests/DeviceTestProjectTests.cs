using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Nano.Tests;

/// <summary>
/// The files in Portable/ run twice: here under MSTest, and on a board under
/// nanoFramework.TestFramework (tests/Skold.Device.Tests, compiled on the host against the real
/// mscorlib and our declaration of TestFramework 3.0.77). These tests keep them within what
/// both offer, and keep the device project compiling all of them.
/// </summary>
[TestClass]
public partial class DeviceTestProjectTests
{
    private static readonly string[] PortableFolders =
    {
        Path.Combine("tests", "Skold.Core.Tests", "Portable"),
        Path.Combine("tests", "Skold.Board.Tests", "Portable"),
    };

    private static string DeviceProject => NanoBuild.Project("tests/Skold.Device.Tests/Skold.Device.Tests.nfproj");

    // The assembly name nanoFramework's test adapter requires (see the .nfproj's header).
    private const string DeviceAssembly = "NFUnitTest";

    // Our declaration of nanoFramework.TestFramework 3.0.77 (read upstream; see its header).
    private static string DeviceTestFramework => Path.Combine(NanoBuild.Surfaces, "nanoFramework.TestFramework.dll");

    [TestMethod]
    public void PortableTestsUseOnlyAssertMembersAndAttributesBothFrameworksOffer()
    {
        (HashSet<string> deviceAsserts, HashSet<string> deviceAttributes) = DeviceSurface();
        HashSet<string> hostAsserts = typeof(Assert).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToHashSet();
        HashSet<string> hostAttributes = typeof(Assert).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Assert).Namespace && typeof(Attribute).IsAssignableFrom(t))
            .Select(t => t.Name).ToHashSet();
        var problems = new List<string>();
        int asserts = 0;
        foreach (string file in PortableFiles())
        {
            string code = StripComments(File.ReadAllText(file));
            foreach (Match use in AssertUse().Matches(code))
            {
                asserts++;
                string member = use.Groups[1].Value;
                if (!deviceAsserts.Contains(member) || !hostAsserts.Contains(member))
                {
                    problems.Add($"{Path.GetFileName(file)}: Assert.{member} (device has it: {deviceAsserts.Contains(member)}, MSTest has it: {hostAsserts.Contains(member)})");
                }
            }
            foreach (Match use in AttributeUse().Matches(code))
            {
                string attribute = use.Groups[1].Value + "Attribute";
                if (!deviceAttributes.Contains(attribute) || !hostAttributes.Contains(attribute))
                {
                    problems.Add($"{Path.GetFileName(file)}: [{use.Groups[1].Value}] (device has it: {deviceAttributes.Contains(attribute)}, MSTest has it: {hostAttributes.Contains(attribute)})");
                }
            }
        }
        Assert.IsGreaterThan(100, asserts, "the scan found the portable tests' asserts");
        Assert.IsEmpty(problems, "portable tests must stay within nanoFramework.TestFramework 3.0.77 and MSTest:\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public void TheDeviceSurfaceHasTheSharedNamesAndNotMSTestOnlyOnes()
    {
        (HashSet<string> deviceAsserts, HashSet<string> deviceAttributes) = DeviceSurface();
        HashSet<string> hostAsserts = typeof(Assert).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToHashSet();
        foreach (string member in new[] { "AreEqual", "AreNotEqual", "IsTrue", "IsFalse", "IsNull", "IsNotNull", "AreSame", "AreNotSame" })
        {
            Assert.Contains(member, deviceAsserts);
            Assert.Contains(member, hostAsserts);
        }
        Assert.Contains("TestClassAttribute", deviceAttributes);
        Assert.Contains("TestMethodAttribute", deviceAttributes);
        // MSTest 4 has these; nanoFramework.TestFramework 3.0.77 does not (or names them otherwise).
        foreach (string member in new[] { "Fail", "Inconclusive", "ThrowsExactly", "IsInstanceOfType", "DoesNotContain" })
        {
            Assert.Contains(member, hostAsserts);
            Assert.DoesNotContain(member, deviceAsserts);
        }
        Assert.DoesNotContain("TestInitializeAttribute", deviceAttributes);
    }

    [TestMethod]
    public void EveryPortableTestFileIsCompiledByTheDeviceProject()
    {
        string[] portable = PortableFiles();
        Assert.IsGreaterThan(5, portable.Length);
        HashSet<string> compiled = NanoBuild.CompileItems(DeviceProject);
        foreach (string file in portable)
        {
            Assert.Contains(Path.GetFullPath(file), compiled, $"the device project does not compile {file}");
        }
        // nanoFramework's test adapter reads every Compile path of the .nfproj as a file, with this
        // pattern (Discover.cs, GetAllCsFiles and BuildTestCaseFromSourceFile, v3.0.77): a wildcard
        // or a missing file there breaks test discovery on the technician's PC.
        foreach (Match item in AdapterCompileItem().Matches(File.ReadAllText(DeviceProject)))
        {
            string path = item.Groups[1].Value;
            Assert.DoesNotContain("*", path, "the device project lists each file: " + path);
            Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(DeviceProject)!, path.Replace('\\', '/'))), "listed but missing: " + path);
        }
        XDocument nfproj = XDocument.Load(DeviceProject);
        string Property(string name) => nfproj.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        Assert.AreEqual("NFUnitTest", Property("AssemblyName"), "nanoFramework's test adapter finds only an assembly named NFUnitTest");
        Assert.Contains("NANOFRAMEWORK_1_0", Property("DefineConstants"));
        Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(DeviceProject)!, "nano.runsettings")));
    }

    [TestMethod]
    public void CompiledPortableTestsUseNoGenericsCheckedArithmeticOrFloatingPoint()
    {
        // What compiles against the real mscorlib yet breaks on the device, as for the core.
        NanoAssemblyScan.Result scan = NanoAssemblyScan.Scan(NanoBuild.Image(DeviceAssembly + ".dll"));
        Assert.IsEmpty(scan.Violations, string.Join("\n", scan.Violations));
        Assert.IsGreaterThan(100, scan.MethodsScanned, "the scan found the tests' methods");
    }

    [TestMethod]
    public void DeviceCheckRejectsMSTestOnlyMembersAndCodeTheBoardLacks()
    {
        // Declarations and bodies build apart: the compiler skips bodies once declarations fail.
        AssertEachProbeFails(new Dictionary<string, string>
        {
            ["TestInitialize"] = Probe("[TestInitialize] public void Before() { }"),
            ["ClassCleanup"] = Probe("[ClassCleanup] public static void After() { }"),
            ["GenericField"] = Probe("private System.Collections.Generic.List<int> _items;"),
        });
        AssertEachProbeFails(new Dictionary<string, string>
        {
            ["AssertFail"] = Probe("[TestMethod] public void M() { Assert.Fail(\"no\"); }"),
            ["AssertInconclusive"] = Probe("[TestMethod] public void M() { Assert.Inconclusive(\"no\"); }"),
            ["AssertThrowsExactly"] = Probe("[TestMethod] public void M() { Assert.ThrowsExactly<System.ArgumentException>(() => { }); }"),
            ["AssertIsInstanceOfType"] = Probe("[TestMethod] public void M() { Assert.IsInstanceOfType(new object(), typeof(object)); }"),
        }, allowed: Probe("""
            [TestMethod]
            public void M()
            {
                Assert.AreEqual(3, 1 + 2);
                Assert.AreEqual("a", "a", "message");
                Assert.AreEqual(Skold.Council.RejectionReason.None, Skold.Council.RejectionReason.None);
                Assert.AreNotEqual(1u, 2u);
                Assert.IsTrue(true, "message");
                Assert.IsFalse(false);
                Assert.IsNull(null);
                Assert.IsNotNull(new object());
            }
            """));
    }

    private static string Probe(string member) => $$"""
        #if NANOFRAMEWORK_1_0
        using nanoFramework.TestFramework;
        #else
        using Microsoft.VisualStudio.TestTools.UnitTesting;
        #endif
        namespace Probe
        {
            [TestClass]
            public class Probe{{Guid.NewGuid():N}}
            {
                {{member}}
            }
        }
        """;

    private static void AssertEachProbeFails(Dictionary<string, string> violations, string? allowed = null) =>
        NanoBuild.AssertEachProbeFails(DeviceProject, DeviceAssembly, violations, allowed);

    private static (HashSet<string> Asserts, HashSet<string> Attributes) DeviceSurface()
    {
        using var pe = new PEReader(File.OpenRead(DeviceTestFramework));
        MetadataReader md = pe.GetMetadataReader();
        var asserts = new HashSet<string>();
        var attributes = new HashSet<string>();
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            if (md.GetString(type.Namespace) != "nanoFramework.TestFramework")
            {
                continue;
            }
            string name = md.GetString(type.Name);
            if (name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                attributes.Add(name);
            }
            if (name == "Assert")
            {
                foreach (MethodDefinitionHandle method in type.GetMethods())
                {
                    asserts.Add(md.GetString(md.GetMethodDefinition(method).Name));
                }
            }
        }
        Assert.IsNotEmpty(asserts, "the nanoFramework.TestFramework declaration has an Assert class");
        return (asserts, attributes);
    }

    private static string[] PortableFiles() => PortableFolders
        .Select(folder => Path.Combine(NanoBuild.Root, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.GetFiles(folder, "*.cs"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string StripComments(string code) => LineComment().Replace(code, "");

    [GeneratedRegex(@"\bAssert\.([A-Za-z]+)")]
    private static partial Regex AssertUse();

    // An attribute list at the start of a line: [Name] or [Name(...)].
    [GeneratedRegex(@"^\s*\[([A-Za-z]+)[\]\(]", RegexOptions.Multiline)]
    private static partial Regex AttributeUse();

    [GeneratedRegex("<Compile Include=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AdapterCompileItem();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
