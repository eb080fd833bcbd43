using System.CommandLine;
using System.Globalization;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.Provisioning;
using Skold.Station;

namespace Skold.Cli.Commands;

/// <summary>`skold provision`: writes what a board reads at boot (docs/formats/provisioning.md), and checks such a file.</summary>
internal static class ProvisionCommand
{
    public static Command Create(CommandIO io)
    {
        var role = new Option<string>("--role") { Description = "relay or kiosk.", Required = true };
        var id = new Option<string>("--id") { Description = "Node number (relay) or station number (kiosk), 1..32767 (frame senders from 32768 up are station kiosks).", Required = true };
        var board = new Option<string>("--board") { Description = "The board's pin map (hardware/boards.md), e.g. ttgo-lora32-v21, heltec-wifi-lora32-v2, devkitc-rfm95w.", Required = true };
        var registry = new Option<string>("--registry") { Description = "The council's genesis file.", Required = true };
        var updates = new Option<string[]>("--update") { Description = "Registry updates in force, in order (a kiosk's station must be registered in one).", AllowMultipleArgumentsPerToken = true };
        var key = new Option<string>("--key") { Description = "The device's key file (hex seed; made when missing, kept for re-provisioning).", Required = true };
        var region = new Option<string>("--region") { Description = "eu868 or amateur-70cm.", DefaultValueFactory = _ => "eu868" };
        var frequency = new Option<string>("--frequency") { Description = "MHz.", DefaultValueFactory = _ => "869.525" };
        var sf = new Option<string>("--sf") { DefaultValueFactory = _ => "9" };
        var bw = new Option<string>("--bw") { Description = "kHz.", DefaultValueFactory = _ => "125" };
        var cr = new Option<string>("--cr") { DefaultValueFactory = _ => "5" };
        var power = new Option<string>("--power") { Description = "dBm.", DefaultValueFactory = _ => "14" };
        var rfo = new Option<bool>("--rfo") { Description = "The module uses the RFO pin, not PA_BOOST." };
        var callsign = new Option<string?>("--callsign") { Description = "Amateur band: the licensee's callsign." };
        var stationName = new Option<string?>("--station-name") { Description = "Kiosk: the name on its screen." };
        var crisisKey = new Option<string?>("--crisis-key") { Description = "Kiosk: the crisis key file (hex, 32 bytes; the same file for every station of a crisis; made when missing)." };
        var operators = new Option<string[]>("--operator") { Description = "Kiosk: NUMBER=PIN, repeat for each team member.", AllowMultipleArgumentsPerToken = true };
        var wifi = new Option<string?>("--wifi-ssid") { Description = "Kiosk: the Wi-Fi network for syncing once the grid is back." };
        var wifiPassword = new Option<string?>("--wifi-password-file") { Description = "Kiosk: a file holding the Wi-Fi password." };
        var ledger = new Option<string?>("--ledger-url") { Description = "Kiosk: the ledger's address." };
        var output = new Option<string>("--out") { Description = "The provisioning file to write.", Required = true };
        var nanoffJson = new Option<string?>("--nanoff-json") { Description = "Also write the JSON for `nanoff --filedeployment <file>`, which copies the provisioning file to the board's internal flash (" + NanoffDeployment.ProvisioningOnBoard + ")." };
        var serialPort = new Option<string?>("--serial-port") { Description = "With --nanoff-json: the board's serial port (COM5, /dev/ttyUSB0); needed when nanoff runs with --filedeployment alone." };
        var rules = new Option<string?>("--rules") { Description = "Kiosk, with --nanoff-json: also copy this distribution-rules order to the board (" + NanoffDeployment.RulesOnBoard + "), so the kiosk has the council's quotas before it hears them over LoRa." };
        var command = new Command("provision", "Writes a board's provisioning: its key, number, pin map, radio settings, the council's files, and for a kiosk its operators, crisis key and ledger.");
        foreach (Option option in new Option[] { role, id, board, registry, updates, key, region, frequency, sf, bw, cr, power, rfo, callsign, stationName, crisisKey, operators, wifi, wifiPassword, ledger, output, nanoffJson, serialPort, rules })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            var p = new DeviceProvisioning
            {
                Role = parse.GetValue(role) switch
                {
                    "relay" => DeviceProvisioning.RoleRelay,
                    "kiosk" => DeviceProvisioning.RoleKiosk,
                    var other => throw new UsageException($"--role must be relay or kiosk, not \"{other}\""),
                },
                Id = CliInput.Integer(parse.GetValue(id), "--id", 1, DeviceProvisioning.MaxId),
                Board = KnownBoard(parse.GetValue(board)!, parse.GetValue(role) == "kiosk"),
                DeviceSeed = CliInput.LoadOrCreateSecret(parse.GetValue(key)!),
                FrequencyHz = (long)Math.Round(decimal.Parse(parse.GetValue(frequency)!, CultureInfo.InvariantCulture) * 1_000_000m),
                SpreadingFactor = CliInput.Integer(parse.GetValue(sf), "--sf", 6, 12),
                BandwidthHz = (int)Math.Round(decimal.Parse(parse.GetValue(bw)!, CultureInfo.InvariantCulture) * 1000m),
                CodingRate = CliInput.Integer(parse.GetValue(cr), "--cr", 5, 8),
                PowerDbm = int.Parse(parse.GetValue(power)!, CultureInfo.InvariantCulture),
                PaBoost = !parse.GetValue(rfo),
                Amateur = parse.GetValue(region) switch
                {
                    "eu868" => false,
                    "amateur-70cm" => true,
                    var other => throw new UsageException($"--region must be eu868 or amateur-70cm, not \"{other}\""),
                },
                Callsign = parse.GetValue(callsign) ?? "",
                Genesis = OrderFiles.Read(parse.GetValue(registry)!).Encode(),
                Updates = (parse.GetValue(updates) ?? []).Select(u => OrderFiles.Read(u).Encode()).ToArray(),
                StationName = parse.GetValue(stationName) ?? "",
                WifiSsid = parse.GetValue(wifi) ?? "",
                WifiPassword = parse.GetValue(wifiPassword) is { } file ? File.ReadAllText(file).Trim() : "",
                LedgerUrl = parse.GetValue(ledger) ?? "",
            };
            if (p.Role == DeviceProvisioning.RoleKiosk)
            {
                p.CrisisKey = CliInput.LoadOrCreateSecret(parse.GetValue(crisisKey) ?? throw new UsageException("a kiosk needs --crisis-key <file> (the same for every station)"));
                var pins = (parse.GetValue(operators) ?? []).Select(o => ParseOperator(o, p.Id)).ToList();
                p.OperatorNumbers = pins.Select(o => o.Number).ToArray();
                p.OperatorPinHashes = pins.Select(o => o.Hash).ToArray();
            }
            // Checked before anything is written, so a wrong --rules leaves no half-done files.
            string? rulesFile = parse.GetValue(rules);
            if (rulesFile is not null)
            {
                if (parse.GetValue(nanoffJson) is null || p.Role != DeviceProvisioning.RoleKiosk)
                {
                    throw new UsageException("--rules goes with --role kiosk and --nanoff-json (a relay takes the council's orders over LoRa)");
                }
                if (OrderFiles.Read(rulesFile).Kind != OrderKind.DistributionRules)
                {
                    throw new UsageException($"--rules {rulesFile}: not a distribution-rules order");
                }
            }
            byte[] encoded = p.Encode();
            File.WriteAllBytes(parse.GetValue(output)!, encoded);
            var ed = new Ed25519();
            string publicKey = Convert.ToHexString(ed.CreatePrivateKey(p.DeviceSeed).GetPublicKey()).ToLowerInvariant();
            io.Output.WriteLine($"Wrote {parse.GetValue(output)} ({encoded.Length} bytes) for {parse.GetValue(role)} {p.Id} on {p.Board}; device key {publicKey}.");
            if (parse.GetValue(nanoffJson) is { } json)
            {
                string? port = parse.GetValue(serialPort);
                var files = new List<(string, string)> { (NanoffDeployment.ProvisioningOnBoard, parse.GetValue(output)!) };
                if (rulesFile is not null)
                {
                    files.Add((NanoffDeployment.RulesOnBoard, rulesFile));
                }
                NanoffDeployment.Write(json, port, [.. files]);
                io.Output.WriteLine(port is null
                    ? $"Wrote {json}: copy the file to the board with nanoff --serialport <port> --filedeployment {json} (or give --serial-port)."
                    : $"Wrote {json}: copy the file to the board with nanoff --filedeployment {json}.");
            }
            string? problem = p.Problem(ed, out _);
            if (problem is not null)
            {
                io.Output.WriteLine($"The board will refuse to work until this is fixed: {problem}.");
                if (p.Role == DeviceProvisioning.RoleKiosk)
                {
                    io.Output.WriteLine($"Register it: skold order new --kind registry-update --after <last update> --station {p.Id}={publicKey} ..., have it signed, then provision again with --update.");
                }
                return 1;
            }
            io.Output.WriteLine($"Put it on the board as I:\\skold.provision with nanoff --filedeployment (nodes/README.md), then restart the board.");
            return 0;
        }));
        command.Subcommands.Add(Check(io));
        return command;
    }

    // The firmware drives the pins of the board named here (Skold.Board.Boards.BoardPinMap for a relay,
    // Skold.Board.Kiosk.KioskPinMap for a kiosk): a name it does not know would leave the board dark,
    // so it is refused before any file is written.
    private static string KnownBoard(string name, bool kiosk)
    {
        try
        {
            if (kiosk)
            {
                Skold.Board.Kiosk.KioskPinMap.ForName(name);
                return name;
            }
            return Skold.Board.Boards.BoardPinMap.ForName(name).Name;
        }
        catch (Exception e) when (e is Skold.Board.Boards.BoardException or ArgumentException)
        {
            throw new UsageException("--board: " + e.Message);
        }
    }

    private static Command Check(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "A provisioning file." };
        var command = new Command("check", "Reads a provisioning file as the board will and says whether the board will work with it. Exit code 0 when it will, 1 when not.");
        command.Arguments.Add(file);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            DeviceProvisioning p;
            try
            {
                p = DeviceProvisioning.Decode(File.ReadAllBytes(parse.GetValue(file)!));
            }
            catch (MalformedDataException e)
            {
                io.Output.WriteLine("REFUSED: " + e.Message);
                return 1;
            }
            string? problem = p.Problem(new Ed25519(), out CouncilRegistry? council);
            io.Output.WriteLine($"{(p.Role == DeviceProvisioning.RoleKiosk ? "kiosk" : "relay")} {p.Id} on {p.Board}, {p.FrequencyHz / 1e6:0.000} MHz SF{p.SpreadingFactor} {p.BandwidthHz / 1000.0:0.#} kHz CR4/{p.CodingRate} {p.PowerDbm} dBm{(p.Amateur ? ", amateur band, " + p.Callsign : "")}");
            io.Output.WriteLine(problem is null ? $"good: council {council!.CouncilName}, {council.StationCount} stations registered" : "REFUSED: " + problem);
            return problem is null ? 0 : 1;
        }));
        return command;
    }

    private static (int Number, byte[] Hash) ParseOperator(string spec, int station)
    {
        string[] parts = spec.Split('=', 2);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 255 || !KioskSettings.IsPin(parts[1]))
        {
            throw new UsageException($"--operator \"{spec}\": expected NUMBER=PIN with NUMBER 1..255 and a PIN of {KioskSettings.MinPinDigits}..{KioskSettings.MaxPinDigits} digits");
        }
        return (number, KioskSettings.PinHash(station, number, parts[1]));
    }
}
