using Skold.Council;
using Skold.Crypto;
using Skold.Station;
using StationKiosk = Skold.Station.Kiosk;

namespace Skold.Board.Tests;

/// <summary>A station's core on RAM flash (MemoryJournalStorage) with practice rules, for driving the board logic.</summary>
public sealed class StationBench
{
    public const uint Start = 100000000;
    public const int StationId = 3;

    public static readonly DistributionRulesBody Rules = new(24,
    [
        new ItemRule(ItemRule.BatteryPack, null, 2, 1, 1),
        new ItemRule(ItemRule.FoodParcel, null, 2, 0, 1),
        new ItemRule(ItemRule.Water, null, 6, 0, 0),
    ]);

    public readonly Ed25519 Ed = new();
    public readonly Ed25519PrivateKey StationKey = new Ed25519().CreatePrivateKey(Enumerable.Repeat((byte)9, 32).ToArray());
    public readonly HouseholdCard Cards = new(Enumerable.Repeat((byte)7, 32).ToArray());
    public readonly byte[] CouncilId = new byte[32];
    public readonly MemoryJournalStorage Flash;
    public readonly KioskSettings Settings;
    public readonly DistributionBook Book = new(2);
    public readonly Journal Journal;
    public readonly StationKiosk Kiosk;

    public StationBench(string name = "Skolan", int flashSize = 65536, uint now = Start + 3600)
    {
        Flash = new MemoryJournalStorage(flashSize);
        Settings = new KioskSettings(StationId, name);
        Settings.AddOperator(1, KioskSettings.PinHash(StationId, 1, "1234"));
        Book.SetRules(Rules, Start, Start + 7 * 86400);
        Journal = Journal.Open(Flash, Ed, StationKey, StationId, CouncilId, Cards.KeyId, now, Journal.DefaultCheckpointInterval, Book);
        Kiosk = new StationKiosk(Settings, Journal, Book, Cards, now);
    }

    public static string Card(int n)
    {
        string stem = (200000 + n).ToString();
        return stem + HouseholdCard.CheckDigit(stem);
    }

    public string[] Lines => [Kiosk.Line(0), Kiosk.Line(1), Kiosk.Line(2), Kiosk.Line(3)];
}
