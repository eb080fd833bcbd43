using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Tests.Host;

/// <summary>
/// hardware/technician-guide.md is followed at the bench by people who cannot guess: these
/// tests keep it in step with the firmware's refusal messages, nanoff's options and our pin maps.
/// </summary>
[TestClass]
public partial class TechnicianGuideTests
{
    // The long option names of nanoff 2.5.162 (nanoframework/nanoFirmwareFlasher,
    // nanoFirmwareFlasher.Tool/Options.cs at tag v2.5.162), plus the parser's own --help.
    private static readonly HashSet<string> NanoffOptions =
    [
        "address", "archivepath", "backupfile", "backuppath", "baud", "binfile", "checkpsram", "clearcache", "clrfile",
        "deploy", "devicedetails", "dfu", "dfuid", "filedeployment", "flashfreq", "flashmode", "fromarchive", "fwversion",
        "hexfile", "identifyfirmware", "image", "installjtagdrivers", "installxdsdrivers", "jlinkid", "jtag", "jtagid",
        "listdevices", "listdfu", "listjlink", "listjtag", "listnativedfu", "listnativestlink", "listnativeswd", "listports",
        "listtargets", "masserase", "nanodevice", "nativedfu", "nativestlink", "nativeswd", "networkdeployment",
        "nobackupconfig", "nofitcheck", "partitiontablesize", "platform", "preview", "reset", "serialport", "setvcpbr",
        "suppressnanoffversioncheck", "target", "uf2deploy", "update", "updatearchive", "verbosity", "verify", "help",
    ];

    private static string Guide => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "technician-guide.md"));

    [TestMethod]
    public void EveryReasonABoardRefusesItsProvisioningForIsInTheGuide()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "shared", "Skold.Core", "Provisioning", "DeviceProvisioning.cs"));
        var reasons = ProblemReason().Matches(source).Select(m => m.Groups[1].Value)
            .Concat(MalformedReason().Matches(source).Select(m => m.Groups[1].Value))
            .Select(r => r.Trim())
            .Where(r => r.Length > 0)
            .Distinct()
            .ToList();
        Assert.IsGreaterThan(10, reasons.Count, "the scan found the refusal messages");
        string guide = Guide;
        var missing = reasons.Where(r => !guide.Contains(r, StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(missing, "the guide's troubleshooting table lacks:\n" + string.Join("\n", missing));
    }

    [TestMethod]
    public void EveryNanoffOptionInTheGuideExistsInNanoff()
    {
        var used = new HashSet<string>();
        foreach (Match line in NanoffLine().Matches(Guide))
        {
            foreach (Match option in LongOption().Matches(line.Value))
            {
                used.Add(option.Groups[1].Value);
            }
        }
        Assert.IsTrue(used.IsSupersetOf(["update", "target", "serialport", "masserase", "filedeployment", "deploy", "image"]), string.Join(", ", used));
        var unknown = used.Where(o => !NanoffOptions.Contains(o)).ToList();
        Assert.IsEmpty(unknown, "nanoff 2.5.162 has no option --" + string.Join(", --", unknown));
    }

    [TestMethod]
    public void EveryBoardNameInTheGuideIsAPinMapInBoardsMd()
    {
        string boards = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "hardware", "boards.md"));
        var names = BoardName().Matches(Guide).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.IsGreaterThanOrEqualTo(3, names.Count, string.Join(", ", names));
        foreach (string name in names)
        {
            Assert.Contains($"\"board\": \"{name}\"", boards, $"{name} is not a pin map in hardware/boards.md");
        }
    }

    // `return "...` inside Problem: the literal up to the first quote or concatenation.
    [GeneratedRegex("return \"([^\"]+)\"")]
    private static partial Regex ProblemReason();

    [GeneratedRegex("MalformedDataException\\(\"provisioning: ([^\"]+)\"")]
    private static partial Regex MalformedReason();

    // "nanoff " (not "--nanoff-json") and what follows on the line, up to a closing backtick.
    [GeneratedRegex(@"(?<![\w-])nanoff [^`\n]*")]
    private static partial Regex NanoffLine();

    [GeneratedRegex(@"(?<![\w-])--([a-z0-9]+)\b")]
    private static partial Regex LongOption();

    [GeneratedRegex(@"`((?:ttgo|heltec|devkitc)[a-z0-9.-]*)`")]
    private static partial Regex BoardName();
}
