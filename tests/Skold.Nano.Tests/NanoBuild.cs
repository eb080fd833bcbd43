using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Nano.Tests;

/// <summary>
/// The host's nanoFramework build (build/nanoframework) as the tests drive it: where it puts
/// the compiled projects, and how to build one .nfproj again with probe files or read the
/// files it compiles. Probe builds run only the driver's nanoFramework step with their own
/// output folder, so they neither rebuild nor overwrite what the main build made.
/// </summary>
internal static class NanoBuild
{
    public static string Root { get; } = Skold.Board.Tests.RepoFiles.Root;

    public static string Driver => Path.Combine(Root, "build", "nanoframework", "Images", "NanoImages.csproj");

    public static string ProjectSystem => Path.Combine(Root, "build", "nanoframework", "ProjectSystem") + Path.DirectorySeparatorChar;

    /// <summary>What the main build compiled from every .nfproj.</summary>
    public static string Images => Path.Combine(Root, "build", "nanoframework", "bin", "images");

    /// <summary>The declared package surfaces, one assembly each.</summary>
    public static string Surfaces => Path.Combine(Root, "build", "nanoframework", "bin", "surfaces");

    public static string Project(string relative) => Path.Combine(Root, relative.Replace('\\', '/'));

    public static string Image(string fileName) => Path.Combine(Images, fileName);

    /// <summary>
    /// Builds one .nfproj (and what it references) through the driver into <paramref name="output"/>,
    /// with the files of <paramref name="probeGlob"/> added to the project whose assembly is
    /// <paramref name="probeAssembly"/>.
    /// </summary>
    public static (int ExitCode, string Output) Build(string nfproj, string output, string? probeAssembly = null, string? probeGlob = null)
    {
        var args = new List<string>
        {
            "msbuild", Driver, "-t:SkoldBuildNanoProjects", "-nologo", "-nodeReuse:false", "-v:minimal",
            "-p:SkoldNanoProjects=" + nfproj,
            "-p:SkoldNanoOutput=" + Path.TrimEndingDirectorySeparator(output) + Path.DirectorySeparatorChar,
        };
        if (probeAssembly is not null && probeGlob is not null)
        {
            args.Add("-p:SkoldProbeProject=" + probeAssembly);
            args.Add("-p:SkoldProbe=" + probeGlob);
        }
        return Run("dotnet", args);
    }

    /// <summary>
    /// Builds <paramref name="nfproj"/> with each probe file added to <paramref name="probeAssembly"/>,
    /// and asserts the build fails with an error in every probe and none in the allowed code.
    /// </summary>
    public static void AssertEachProbeFails(string nfproj, string probeAssembly, Dictionary<string, string> violations, string? allowed = null)
    {
        using var dir = new TemporaryFolder("skold-probe-");
        foreach (var (name, code) in violations)
        {
            File.WriteAllText(Path.Combine(dir.Path, name + ".cs"), code);
        }
        if (allowed is not null)
        {
            File.WriteAllText(Path.Combine(dir.Path, "Allowed.cs"), allowed);
        }
        var (exitCode, output) = Build(nfproj, Path.Combine(dir.Path, "out"), probeAssembly, Path.Combine(dir.Path, "*.cs"));

        Assert.AreNotEqual(0, exitCode, "a build with violations must fail\n" + output);
        foreach (string name in violations.Keys)
        {
            Assert.Contains(Path.Combine(dir.Path, name + ".cs") + "(", output, $"no compiler error for the {name} violation\n{output}");
        }
        if (allowed is not null)
        {
            Assert.DoesNotContain(Path.Combine(dir.Path, "Allowed.cs") + "(", output, "allowed code drew an error\n" + output);
        }
    }

    /// <summary>The full paths of the files the host build compiles for <paramref name="nfproj"/>, as MSBuild evaluates it.</summary>
    public static HashSet<string> CompileItems(string nfproj)
    {
        var (exitCode, output) = Run("dotnet", new List<string>
        {
            "msbuild", nfproj, "-nologo", "-nodeReuse:false",
            "-p:NanoFrameworkProjectSystemPath=" + ProjectSystem,
            "-getTargetResult:SkoldNanoCompileItems",
        });
        Assert.AreEqual(0, exitCode, output);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement items = json.RootElement.GetProperty("TargetResults").GetProperty("SkoldNanoCompileItems").GetProperty("Items");
        return items.EnumerateArray().Select(i => Path.GetFullPath(i.GetProperty("Identity").GetString()!)).ToHashSet();
    }

    /// <summary>The .nfproj files the driver builds, as its NanoProject items name them.</summary>
    public static string[] DriverProjects() => XDocument.Load(Driver).Descendants()
        .Where(e => e.Name.LocalName == "NanoProject" && e.Parent?.Attribute("Condition")?.Value.Contains("== ''") == true)
        .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Driver)!, e.Attribute("Include")!.Value)))
        .ToArray();

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
