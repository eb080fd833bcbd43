using System.Security.Cryptography;
using System.Text;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Cli.Demo;

/// <summary>
/// The storm's council of eight (two members per group) with keys from the run's seed, the
/// stations it registers, and the orders it signs, each by just the members its policy needs;
/// plus a forged order and one short of signatures, which every check must refuse.
/// </summary>
public sealed class StormCouncil
{
    private readonly Ed25519 _ed;
    private readonly Ed25519PrivateKey[] _members = new Ed25519PrivateKey[8];

    public StormCouncil(Ed25519 ed, int seed, uint start, IReadOnlyList<byte[]> stationPublicKeys)
    {
        _ed = ed;
        string[] names = ["Anna", "Bo", "Cecilia", "David", "Elif", "Farid", "Greta", "Hugo"];
        var members = new CouncilMember[8];
        for (int i = 0; i < 8; i++)
        {
            _members[i] = ed.CreatePrivateKey(SeedFor(seed, "member-" + i));
            members[i] = new CouncilMember(names[i], i / 2, _members[i].GetPublicKey(), start - 86400, CouncilMember.Forever, false);
        }
        Genesis = new Order(OrderKind.Genesis, 0, start - 86400, 0, new GenesisBody("Storby samordningsråd", 10_000_000, members, KindPolicy.Defaults()));
        Founding = CouncilRegistry.FromGenesis(Genesis);
        SignUntilMet(Founding, Genesis);

        var stations = new RegistryOperation[stationPublicKeys.Count];
        for (int s = 0; s < stations.Length; s++)
        {
            stations[s] = RegistryOperation.Station(s + 1, stationPublicKeys[s]);
        }
        Stations = Signed(new Order(OrderKind.RegistryUpdate, 1, start + 60, 7 * 24 * 60, new RegistryUpdateBody(stations)), Founding);
        Registry = Founding.Apply((RegistryUpdateBody)Stations.Body, 1);

        Alert = Signed(new Order(OrderKind.Alert, 1, start + 300, 72 * 60,
            new AlertBody(AlertBody.Warning, 0, "Storm: stay indoors. Warm shelter open at Ålidhem school. Stations 1-3 hand out battery packs and food.")), Registry);
        Teams = Signed(new Order(OrderKind.TeamActivation, 2, start + 600, 72 * 60,
            new TeamActivationBody(Enumerable.Range(1, stationPublicKeys.Count).ToArray(), [], [1, 2, 3], start, start + 72 * 3600)), Registry);
        Rules = Signed(new Order(OrderKind.DistributionRules, 3, start + 900, 7 * 24 * 60,
            new DistributionRulesBody(24,
            [
                new ItemRule(ItemRule.BatteryPack, null, 1, 1, 1),
                new ItemRule(ItemRule.FoodParcel, null, 2, 0, 1),
                new ItemRule(ItemRule.Water, null, 6, 0, 0),
            ])), Registry);
        Reserve = Signed(new Order(OrderKind.ReserveActivation, 4, start + 1800, 7 * 24 * 60,
            new ReserveActivationBody(500_000, start + 14 * 86400, "Battery packs, fuel for the school's generator")), Registry);

        // Signed by two members, then its text changed: the signatures no longer cover it.
        Order genuine = Signed(new Order(OrderKind.Alert, 5, start + 1200, 24 * 60,
            new AlertBody(AlertBody.Warning, 0, "Drinking water is safe again.")), Registry);
        Forged = new Order(OrderKind.Alert, 5, start + 1200, 24 * 60, new AlertBody(AlertBody.Warning, 0, "Drinking water is safe again. Leave the shelter."));
        for (int m = 0; m < 8; m++)
        {
            if (genuine.Signature(m) is byte[] signature)
            {
                Forged.SetSignature(m, signature);
            }
        }
        Short = new Order(OrderKind.Alert, 6, start + 1500, 24 * 60, new AlertBody(AlertBody.Advisory, 0, "Shelter moves to the town hall."));
        Short.SetSignature(0, ed.Sign(_members[0], Registry.SigningMessage(Short)));
    }

    public Order Genesis { get; }

    /// <summary>The registry of the genesis alone: what every device is provisioned with.</summary>
    public CouncilRegistry Founding { get; }

    /// <summary>The REGISTRY_UPDATE that registers the stations' keys.</summary>
    public Order Stations { get; }

    /// <summary>The registry once the stations are registered.</summary>
    public CouncilRegistry Registry { get; }

    public Order Alert { get; }

    public Order Teams { get; }

    public Order Rules { get; }

    public Order Reserve { get; }

    public Order Forged { get; }

    public Order Short { get; }

    /// <summary>The orders in force, in the order they go on air.</summary>
    public IReadOnlyList<(string Name, Order Order)> InForce =>
        [("REGISTRY_UPDATE (stations)", Stations), ("ALERT", Alert), ("TEAM_ACTIVATION", Teams), ("DISTRIBUTION_RULES", Rules), ("RESERVE_ACTIVATION", Reserve)];

    public IReadOnlyList<(string Name, Order Order)> Refused => [("forged ALERT", Forged), ("ALERT short of signatures", Short)];

    public PolicyCheck Check(Order order) => (order.Kind == OrderKind.RegistryUpdate ? Founding : Registry).Check(order, _ed);

    public byte[] PublicKey(int member) => _members[member].GetPublicKey();

    public static byte[] SeedFor(int seed, string what) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"skold-storm-{seed}-{what}"));

    private Order Signed(Order order, CouncilRegistry registry)
    {
        SignUntilMet(registry, order);
        return order;
    }

    // Members sign in turn, a group's first member before its second, until the policy is met:
    // the fewest signatures that satisfy it, as a council would collect them.
    private void SignUntilMet(CouncilRegistry registry, Order order)
    {
        byte[] message = registry.SigningMessage(order);
        int[] turn = [0, 2, 4, 6, 1, 3, 5, 7];
        foreach (int m in turn)
        {
            if (registry.Check(order, _ed).Met)
            {
                return;
            }
            order.SetSignature(m, _ed.Sign(_members[m], message));
        }
        if (!registry.Check(order, _ed).Met)
        {
            throw new InvalidOperationException($"the council cannot meet the policy of a {OrderKind.Name(order.Kind)} order");
        }
    }
}
