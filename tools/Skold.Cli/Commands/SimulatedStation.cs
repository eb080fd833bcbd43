using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Node;
using Skold.Station;

namespace Skold.Cli.Commands;

/// <summary>
/// An aid station for `skold node run --radio sim --station ID=KEYFILE`: its kiosk hands out
/// battery packs and food parcels to a few households between reports, and every few virtual
/// minutes its report, sealed with the station's registered key, enters the mesh at the first
/// simulated relay, so a gateway at the other end sees station reports come back.
/// </summary>
internal sealed class SimulatedStation
{
    private readonly int _id;
    private readonly Ed25519PrivateKey _key;
    private readonly CouncilRegistry _registry;
    private readonly long _everyMs;
    private readonly Ed25519 _ed;
    private readonly Random _random;
    private long _nextMs;
    private int _served;
    private int _handOuts;
    private int _exceptions;
    private int _batteryPacks = 120;
    private int _lent;
    private int _parcels = 300;
    private int _millivolts = 12_900;

    private SimulatedStation(int id, Ed25519PrivateKey key, CouncilRegistry registry, int everyMinutes, Ed25519 ed)
    {
        _id = id;
        _key = key;
        _registry = registry;
        _everyMs = everyMinutes * 60_000L;
        _ed = ed;
        _random = new Random(id);
        _nextMs = 60_000;
    }

    public static SimulatedStation Parse(string text, CouncilRegistry registry, int everyMinutes, Ed25519 ed)
    {
        string[] parts = text.Split('=', 2);
        if (parts.Length != 2)
        {
            throw new UsageException($"--station {text}: expected ID=KEYFILE, such as 3=kiosk3.key");
        }
        int id = CliInput.Integer(parts[0], "--station", 0, 0xffff);
        Ed25519PrivateKey key = ed.CreatePrivateKey(CliInput.LoadOrCreateSecret(parts[1]));
        byte[]? registered = registry.StationKey(id);
        if (registered is null || !registered.AsSpan().SequenceEqual(key.GetPublicKey()))
        {
            throw new UsageException($"station {id} is not registered by the council with the key in {parts[1]} " +
                $"(device key {Convert.ToHexStringLower(key.GetPublicKey())}): register it with a registry update and give it in the node's \"updates\"");
        }
        return new SimulatedStation(id, key, registry, everyMinutes, ed);
    }

    public void Tick(RadioNode relay, long nowMs, long councilOffsetMs)
    {
        if (nowMs < _nextMs)
        {
            return;
        }
        _nextMs = nowMs + _everyMs;
        int households = _random.Next(1, 7);
        for (int i = 0; i < households; i++)
        {
            _served++;
            if (_parcels > 0)
            {
                _parcels--;
                _handOuts++;
            }
            if (_batteryPacks > 0 && _random.Next(2) == 0)
            {
                _batteryPacks--;
                _lent++;
                _handOuts++;
            }
        }
        if (_random.Next(10) == 0)
        {
            _exceptions++;
        }
        _millivolts -= 15;
        uint time = (uint)((councilOffsetMs + nowMs) / 1000);
        var report = new StationReport(time, (uint)(_handOuts + _exceptions), _millivolts, _served, _handOuts, _exceptions,
            [ItemRule.BatteryPack, ItemRule.FoodParcel], [_batteryPacks, _parcels], [_lent, 0]);
        byte[] sealedReport = StationReportSignature.Seal(_registry, _id, report.Encode(), _key, _ed);
        relay.Engine.OriginateReport(sealedReport, nowMs);
    }
}
