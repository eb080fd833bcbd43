using Skold.Council;
using Skold.Crypto;
using Skold.Provisioning;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

/// <summary>What `skold provision` writes for kiosk 3 of the test council, and a rules order it signed.</summary>
public sealed class ProvisionedKiosk
{
    public const int StationId = 3;
    public static readonly byte[] DeviceSeed = Enumerable.Repeat((byte)9, 32).ToArray();

    public readonly TestCouncil Council = new();
    public readonly Ed25519 Ed = new();
    public readonly DeviceProvisioning Provisioning;
    public readonly CouncilRegistry Registry;

    public ProvisionedKiosk(string name = "Östra Äng")
    {
        byte[] stationKey = Ed.CreatePrivateKey(DeviceSeed).GetPublicKey();
        var update = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 60, 600,
            new RegistryUpdateBody([RegistryOperation.Station(StationId, stationKey)]));
        Council.SignBy(Council.Registry, update, [0, 1, 2, 3, 4, 5, 6, 7]);
        Registry = Council.Registry.Apply((RegistryUpdateBody)update.Body, 1);
        Provisioning = new DeviceProvisioning
        {
            Role = DeviceProvisioning.RoleKiosk,
            Id = StationId,
            Board = "ttgo-lora32-v21",
            DeviceSeed = DeviceSeed,
            FrequencyHz = 869_525_000,
            SpreadingFactor = 9,
            BandwidthHz = 125000,
            CodingRate = 5,
            PowerDbm = 14,
            PaBoost = true,
            Genesis = Council.Genesis.Encode(),
            Updates = [update.Encode()],
            StationName = name,
            CrisisKey = Enumerable.Repeat((byte)7, 32).ToArray(),
            OperatorNumbers = [1],
            OperatorPinHashes = [KioskSettings.PinHash(StationId, 1, "1234")],
            WifiSsid = "Kommunhuset",
            WifiPassword = "not-a-secret",
            LedgerUrl = "http://ledger.example:8080/",
        };
    }

    public byte[] File => Provisioning.Encode();

    /// <summary>A DISTRIBUTION_RULES order: battery packs 2 a period (1 out at once), food parcels `food` a period.</summary>
    public byte[] RulesOrder(int sequence = 2, int food = 2) => Council.Rules(sequence, food, [0, 1, 2, 3, 4, 5, 6, 7]).Encode();

    public static string Card(int n) => StationBench.Card(n);
}
