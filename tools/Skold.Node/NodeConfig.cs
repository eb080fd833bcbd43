using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Node;

/// <summary>
/// A relay node's configuration file (JSON): who it is, the radio settings for its region, and
/// where its council files and store are. Example in docs/formats/node-config.md.
/// </summary>
public sealed record NodeConfig(
    int NodeId,
    string? Region,
    double FrequencyMhz,
    int Sf,
    double BwKhz,
    int Cr,
    int PowerDbm,
    bool PaBoost,
    string? Callsign,
    string? Registry,
    List<string>? Updates,
    string? Store,
    SpiWiring? Spi)
{
    public const string Eu868 = "eu868";
    public const string Amateur70cm = "amateur-70cm";

    public static NodeConfig Load(string path)
    {
        NodeConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(File.ReadAllText(path), NodeJsonContext.Default.NodeConfig);
        }
        catch (JsonException e)
        {
            throw new NodeConfigException($"{path} is not a node configuration: {e.Message}");
        }
        if (config is null)
        {
            throw new NodeConfigException($"{path} is empty");
        }
        config.Check(path);
        return config;
    }

    public long FrequencyHz => (long)Math.Round(FrequencyMhz * 1_000_000, MidpointRounding.AwayFromZero);

    public bool Amateur => Region == Amateur70cm;

    public LoRaModulation Modulation() => new(Sf, (int)Math.Round(BwKhz * 1000), Cr);

    public RadioSettings RadioSettings() => new(FrequencyHz, Modulation(), PowerDbm, PaBoost);

    private void Check(string path)
    {
        if (NodeId is < 1 or > 0xffff)
        {
            throw new NodeConfigException($"{path}: node_id must be 1..65535");
        }
        if (Region is not (Eu868 or Amateur70cm))
        {
            throw new NodeConfigException($"{path}: region must be \"{Eu868}\" or \"{Amateur70cm}\"");
        }
        if (Amateur && string.IsNullOrWhiteSpace(Callsign))
        {
            throw new NodeConfigException($"{path}: the amateur band needs the station's callsign (it is sent in every beacon)");
        }
        try
        {
            DutyCycleAccountant.ForFrequency(FrequencyHz, Amateur);
            RadioSettings();
        }
        catch (ArgumentException e)
        {
            throw new NodeConfigException($"{path}: {e.Message} ({FrequencyMhz.ToString(CultureInfo.InvariantCulture)} MHz, SF{Sf}, {BwKhz.ToString(CultureInfo.InvariantCulture)} kHz, CR 4/{Cr}, {PowerDbm} dBm)");
        }
        if (string.IsNullOrEmpty(Registry))
        {
            throw new NodeConfigException($"{path}: registry (the council's genesis file) is needed to check orders before relaying them");
        }
    }
}

/// <summary>How the SX127x is wired on Linux: spidev bus and chip select, GPIO chip and line numbers.</summary>
public sealed record SpiWiring(int Bus, int ChipSelect, int GpioChip, int ResetPin, int Dio0Pin, int ClockHz = 1_000_000);

public sealed class NodeConfigException(string message) : Exception(message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(NodeConfig))]
internal sealed partial class NodeJsonContext : JsonSerializerContext;
