using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Nano.Tests;

/// <summary>
/// The ESP32 images and the on-device tests compile on the host from exactly what their .nfproj
/// lists, against the real mscorlib and the package surfaces we declared from upstream sources
/// (build/nanoframework). These tests prove that build is the one a technician's toolchain runs:
/// the same files, the same references at the same versions, and that each kind of mistake fails it.
/// </summary>
[TestClass]
public partial class ImageBuildTests
{
    private static readonly string[] Images = { "Skold.Node.exe", "Skold.Kiosk.exe", "NFUnitTest.dll" };

    private static string NodeProject => NanoBuild.Project("nodes/Skold.Node/Skold.Node.nfproj");

    private static string KioskProject => NanoBuild.Project("kiosk/Skold.Kiosk/Skold.Kiosk.nfproj");

    // I2cDevice.Write(ReadOnlySpan<byte>) first appears in System.Device.I2c v2.0.0-preview.1 (commit 2a716b06,
    // System.Device.I2c/I2cDevice.cs:85); the pinned 1.1.29 has Write(SpanByte) instead.
    private const string NewerPackageMember = "class NewerPackageMember { void M(object o) { System.Device.I2c.I2cDevice device = (System.Device.I2c.I2cDevice)o; device.Write(new System.ReadOnlySpan<byte>(new byte[1])); } }";

    // The one use of floating point the images may make: System.Device.Pwm 1.1.23 takes the
    // buzzer's duty cycle as a double (PwmChannel.CreateFromPin and DutyCycle). Nothing else.
    private static readonly string[] FloatingPointAllowed = { "ldc.r8 in Esp32KioskPanel..ctor", "ldc.r8 in Esp32KioskPanel.Tone" };

    [TestMethod]
    public void EveryNfprojInTheRepositoryIsCompiledByTheHostBuild()
    {
        string[] inRepository = Directory.EnumerateFiles(NanoBuild.Root, "*.nfproj", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToArray();
        Assert.HasCount(6, inRepository, string.Join("\n", inRepository));
        CollectionAssert.AreEquivalent(inRepository, NanoBuild.DriverProjects());
    }

    [TestMethod]
    public void TheHostBuildCompilesExactlyTheFilesEachNfprojLists()
    {
        foreach (string nfproj in NanoBuild.DriverProjects())
        {
            HashSet<string> compiled = NanoBuild.CompileItems(nfproj);
            HashSet<string> listed = ListedFiles(nfproj);
            Assert.IsGreaterThan(0, listed.Count, nfproj);
            CollectionAssert.AreEquivalent(listed.Order().ToArray(), compiled.Order().ToArray(), Path.GetFileName(nfproj));
        }
    }

    [TestMethod]
    public void TheImagesAreExecutablesReferencingThePinnedAssemblies()
    {
        foreach (string image in Images)
        {
            string nfproj = NanoBuild.DriverProjects().Single(p => AssemblyFileOf(p) == image);
            HashSet<string> pinned = References(nfproj).Select(r => $"{r.Name} {r.Version}").ToHashSet();
            using var pe = new PEReader(File.OpenRead(NanoBuild.Image(image)));
            MetadataReader md = pe.GetMetadataReader();
            foreach (AssemblyReferenceHandle handle in md.AssemblyReferences)
            {
                AssemblyReference reference = md.GetAssemblyReference(handle);
                string name = md.GetString(reference.Name);
                if (name.StartsWith("Skold.", StringComparison.Ordinal))
                {
                    continue;
                }
                Assert.Contains($"{name} {reference.Version}", pinned, $"{image} was compiled against {name} {reference.Version}");
            }
            if (image.EndsWith(".exe", StringComparison.Ordinal))
            {
                Assert.AreNotEqual(0, pe.PEHeaders.CorHeader!.EntryPointTokenOrRelativeVirtualAddress, image + " has an entry point");
            }
        }
    }

    [TestMethod]
    public void TheImagesUseNothingTheDeviceCannotRun()
    {
        foreach (string image in new[] { "Skold.Node.exe", "Skold.Kiosk.exe" })
        {
            NanoAssemblyScan.Result scan = NanoAssemblyScan.Scan(NanoBuild.Image(image));
            string[] violations = scan.Violations.Where(v => !FloatingPointAllowed.Contains(v)).ToArray();
            Assert.IsEmpty(violations, image + ":\n" + string.Join("\n", violations));
            Assert.IsGreaterThan(10, scan.MethodsScanned, image);
        }
    }

    [TestMethod]
    public void EveryReferenceComesFromThePackageThatPackagesConfigPins()
    {
        foreach (string nfproj in NanoBuild.DriverProjects())
        {
            string config = Path.Combine(Path.GetDirectoryName(nfproj)!, "packages.config");
            Dictionary<string, string> pinned = XDocument.Load(config).Descendants("package")
                .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value);
            var used = new HashSet<string>();
            foreach (NfReference reference in References(nfproj))
            {
                Match package = PackageFolder().Match(reference.HintPath);
                Assert.IsTrue(package.Success, $"{Path.GetFileName(nfproj)}: {reference.Name} has no package HintPath ({reference.HintPath})");
                string folder = package.Groups[1].Value;
                string? id = pinned.Keys.FirstOrDefault(k => folder == k + "." + pinned[k]);
                Assert.IsNotNull(id, $"{Path.GetFileName(nfproj)}: {reference.Name} comes from {folder}, which packages.config does not pin");
                used.Add(id);
            }
            CollectionAssert.AreEquivalent(pinned.Keys.ToArray(), used.ToArray(), $"{Path.GetFileName(nfproj)}: every pinned package is referenced");
        }
    }

    [TestMethod]
    public void AMisspeltMemberAWrongOverloadAndANewerPackagesMemberFailTheImageBuild()
    {
        NanoBuild.AssertEachProbeFails(KioskProject, "Skold.Kiosk", new Dictionary<string, string>
        {
            ["MisspeltMember"] = "class MisspeltMember { void M() { new System.Device.Gpio.GpioController().OpenPinn(4, System.Device.Gpio.PinMode.Output); } }",
            // GpioController 1.1.62 opens a pin by its number only.
            ["WrongOverload"] = "class WrongOverload { void M() { new System.Device.Gpio.GpioController().OpenPin(\"4\"); } }",
            ["NewerPackageMember"] = NewerPackageMember,
        }, allowed: """
            class Allowed
            {
                void M()
                {
                    System.Device.Gpio.GpioController controller = new System.Device.Gpio.GpioController();
                    System.Device.Gpio.GpioPin pin = controller.OpenPin(4, System.Device.Gpio.PinMode.Output);
                    pin.Write(System.Device.Gpio.PinValue.High);
                }
            }
            """);
    }

    [TestMethod]
    public void AReferenceOfAnotherVersionThanItsSurfaceFailsTheBuild()
    {
        string gpio = References(NodeProject).Single(r => r.Name == "System.Device.Gpio").Version;
        var (exitCode, output) = BuildScratchProject("System.Device.Gpio, Version=1.0.0.0", "class Scratch { }");
        Assert.AreNotEqual(0, exitCode, output);
        Assert.Contains($"reference System.Device.Gpio wants version 1.0.0.0, but the declared surface is version {gpio}", output);
    }

    [TestMethod]
    public void AReferenceWithoutADeclaredSurfaceFailsTheBuild()
    {
        var (exitCode, output) = BuildScratchProject("nanoFramework.Iot.Device.Sx127x, Version=1.0.0.0", "class Scratch { }");
        Assert.AreNotEqual(0, exitCode, output);
        Assert.Contains("reference nanoFramework.Iot.Device.Sx127x 1.0.0.0 has no declared surface", output);
    }

    [TestMethod]
    public void AFileTheNfprojListsIsCompiled()
    {
        var (exitCode, output) = BuildScratchProject(null, "class Scratch { int M() { return \"listed\"; } }");
        Assert.AreNotEqual(0, exitCode, output);
        Assert.Contains("Scratch.cs(1,", output, output);
    }

    /// <summary>A one-file .nfproj in a scratch folder, with mscorlib and perhaps one more reference, built through the driver.</summary>
    private static (int ExitCode, string Output) BuildScratchProject(string? reference, string code)
    {
        using var dir = new TemporaryFolder("skold-nfproj-");
        File.WriteAllText(Path.Combine(dir.Path, "Scratch.cs"), code);
        string extra = reference is null ? "" : $"""<Reference Include="{reference}, Culture=neutral, PublicKeyToken=c07d481e9758c731" />""";
        string nfproj = Path.Combine(dir.Path, "Scratch.nfproj");
        File.WriteAllText(nfproj, $"""
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props" Condition="Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props')" />
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <AssemblyName>Scratch</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Scratch.cs" />
              </ItemGroup>
              <ItemGroup>
                <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
                {extra}
              </ItemGroup>
              <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets" Condition="Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets')" />
            </Project>
            """);
        return NanoBuild.Build(nfproj, Path.Combine(dir.Path, "out"));
    }

    private sealed record NfReference(string Name, string Version, string HintPath);

    private static IEnumerable<NfReference> References(string nfproj) => XDocument.Load(nfproj).Descendants()
        .Where(e => e.Name.LocalName == "Reference")
        .Select(e =>
        {
            string include = e.Attribute("Include")!.Value;
            string hint = e.Elements().FirstOrDefault(h => h.Name.LocalName == "HintPath")?.Value ?? "";
            return new NfReference(include.Split(',')[0].Trim(), VersionPart().Match(include).Groups[1].Value, hint);
        });

    private static string AssemblyFileOf(string nfproj)
    {
        XDocument doc = XDocument.Load(nfproj);
        string Property(string name) => doc.Descendants().First(e => e.Name.LocalName == name).Value;
        return Property("AssemblyName") + (Property("OutputType") == "Exe" ? ".exe" : ".dll");
    }

    /// <summary>
    /// The files a .nfproj's Compile items name, read from its XML by our own rules (an
    /// independent reading, to compare with what MSBuild evaluates): a path, or a "**\*.cs"
    /// glob under the project folder less its Exclude folders.
    /// </summary>
    private static HashSet<string> ListedFiles(string nfproj)
    {
        string directory = Path.GetDirectoryName(nfproj)!;
        var files = new HashSet<string>();
        foreach (XElement compile in XDocument.Load(nfproj).Descendants().Where(e => e.Name.LocalName == "Compile"))
        {
            string include = compile.Attribute("Include")!.Value.Replace('\\', '/');
            if (include == "**/*.cs")
            {
                string[] excluded = (compile.Attribute("Exclude")?.Value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(x => x.Replace('\\', '/').TrimEnd('*').TrimEnd('/') + "/").ToArray();
                foreach (string file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
                    if (!excluded.Any(x => relative.StartsWith(x, StringComparison.Ordinal)))
                    {
                        files.Add(Path.GetFullPath(file));
                    }
                }
            }
            else
            {
                Assert.DoesNotContain("*", include, $"{Path.GetFileName(nfproj)}: a glob this test does not read: {include}");
                files.Add(Path.GetFullPath(Path.Combine(directory, include)));
            }
        }
        return files;
    }

    [GeneratedRegex(@"Version=([0-9.]+)")]
    private static partial Regex VersionPart();

    [GeneratedRegex(@"packages[\\/]([^\\/]+)[\\/]lib[\\/]")]
    private static partial Regex PackageFolder();
}
