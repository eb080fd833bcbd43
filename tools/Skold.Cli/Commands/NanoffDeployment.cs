using System.Text.Json;
using System.Text.Json.Serialization;

namespace Skold.Cli.Commands;

/// <summary>
/// The JSON that `nanoff --filedeployment &lt;file&gt;` reads to copy files to a board's storage:
/// an optional SerialPort and a list of Files, each a DestinationFilePath and a SourceFilePath.
/// Shape read in nanoframework/nanoFirmwareFlasher v2.5.162, nanoFirmwareFlasher.Library/FileDeployment/
/// (FileDeploymentConfiguration.cs, DeploymentFile.cs; parsed case-insensitively by FileDeploymentManager.cs)
/// and its README, "Deploy file to device storage".
/// </summary>
internal static class NanoffDeployment
{
    /// <summary>
    /// Where the board apps read their provisioning: the ESP32's internal flash drive, which
    /// nanoFramework mounts as I: (nf-interpreter src/HAL/Include/nanoHAL_System_IO_FileSystem.h,
    /// INTERNAL_DRIVE0_LETTER).
    /// </summary>
    public const string ProvisioningOnBoard = @"I:\skold.provision";

    /// <summary>Where the kiosk app looks for the council's distribution rules before it hears them over LoRa (kiosk/README.md).</summary>
    public const string RulesOnBoard = @"I:\skold.rules";

    /// <summary>Writes the JSON; files are (destination on the board, source on this PC) pairs.</summary>
    public static void Write(string jsonPath, string? serialPort, params (string Destination, string Source)[] files)
    {
        DeploymentFile[] entries = files.Select(f => new DeploymentFile(f.Destination, Path.GetFullPath(f.Source))).ToArray();
        var deployment = new FileDeployment(serialPort, entries);
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(deployment, NanoffJsonContext.Default.FileDeployment) + "\n");
    }
}

internal sealed record FileDeployment(string? SerialPort, DeploymentFile[] Files);

internal sealed record DeploymentFile(string DestinationFilePath, string SourceFilePath);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FileDeployment))]
internal sealed partial class NanoffJsonContext : JsonSerializerContext;
