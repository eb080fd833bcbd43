using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Tests.Host;

/// <summary>
/// The files in Portable/ run twice: here under MSTest, and on a board under
/// nanoFramework.TestFramework (tests/Skold.Device.Tests). These tests keep them within what
/// both offer, and keep the device project compiling all of them.
/// </summary>
[TestClass]
public partial class PortableTestSurfaceTests
{
    private static readonly string[] PortableFolders =
    {
        Path.Combine("tests", "Skold.Core.Tests", "Portable"),
        Path.Combine("tests", "Skold.Board.Tests", "Portable"),
    };

    private static string DeviceProject => Path.Combine(RepositoryPaths.Root, "tests", "Skold.Device.Tests", "Skold.Device.Tests.nfproj");

    private static string DeviceCheckProject => Path.Combine(RepositoryPaths.Root, "build", "nanoframework-subset", "DeviceTests", "Skold.Device.Tests.Nano.csproj");

    private static string DeviceCheckedAssembly => Path.Combine(RepositoryPaths.Root, "build", "nanoframework-subset", "DeviceTests", "bin", RepositoryPaths.Configuration, "Skold.Device.Tests.Nano.dll");

    // Our declaration of nanoFramework.TestFramework 3.0.77 (read upstream; see its header).
    private static string DeviceTestFramework => Path.Combine(RepositoryPaths.Root, "build", "nanoframework-subset", "TestFramework", "bin", RepositoryPaths.Configuration, "nanoFramework.TestFramework.dll");

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
    public void EveryPortableTestFileIsCompiledByTheDeviceProjectAndItsCheck()
    {
        string[] portable = PortableFiles();
        Assert.IsGreaterThan(5, portable.Length);
        foreach (string project in new[] { DeviceProject, DeviceCheckProject })
        {
            HashSet<string> compiled = CompiledFiles(project);
            foreach (string file in portable)
            {
                Assert.Contains(Path.GetFullPath(file), compiled, $"{Path.GetFileName(project)} does not compile {file}");
            }
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
        // What compiles against the allow-list yet breaks on the device, as for the core.
        NanoSubsetTests.AssertNoGenericsIteratorsOrAsyncMachines(DeviceCheckedAssembly);
        Assert.IsGreaterThan(100, NanoSubsetTests.AssertNoCheckedArithmeticFloatingPointOrLocalloc(DeviceCheckedAssembly), "the scan found the tests' methods");
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
            ["AssertDoubles"] = Probe("[TestMethod] public void M() { Assert.AreEqual(0.5, 0.25 * 2); }"),
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
        NanoSubsetTests.AssertEachProbeFailsTheBuild(DeviceCheckProject, "DeviceTestProbe", violations, allowed);

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
        .Select(folder => Path.Combine(RepositoryPaths.Root, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.GetFiles(folder, "*.cs"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The files a project's Compile items name; wildcards only in the file name, as both projects use them.</summary>
    private static HashSet<string> CompiledFiles(string project)
    {
        string directory = Path.GetDirectoryName(project)!;
        var files = new HashSet<string>();
        foreach (XElement compile in XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "Compile"))
        {
            string include = compile.Attribute("Include")?.Value.Replace('\\', '/') ?? "";
            if (include.Contains("$("))
            {
                continue;
            }
            string path = Path.GetFullPath(Path.Combine(directory, include));
            string folder = Path.GetDirectoryName(path)!;
            string pattern = Path.GetFileName(path);
            if (pattern.Contains('*'))
            {
                if (Directory.Exists(folder))
                {
                    files.UnionWith(Directory.GetFiles(folder, pattern).Select(Path.GetFullPath));
                }
            }
            else
            {
                files.Add(path);
            }
        }
        return files;
    }

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
