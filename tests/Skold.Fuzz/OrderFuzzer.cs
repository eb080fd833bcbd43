using Skold.Codec;
using Skold.Council;

namespace Skold.Fuzz;

/// <summary>
/// Feeds Order.Decode random and mutated byte strings, seeded from valid orders of every
/// kind. Each input must either decode, and then re-encode to exactly the same bytes (the
/// format is canonical), or fail with MalformedDataException. Anything else is a bug.
/// </summary>
public sealed class OrderFuzzer
{
    private readonly Random _random;
    private readonly List<byte[]> _corpus;

    public OrderFuzzer(int seed)
    {
        _random = new Random(seed);
        _corpus = SeedCorpus(new Random(seed ^ 0x5eed));
    }

    public long Decoded { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Runs the given number of inputs; throws FuzzFailure with the input on the first bug.</summary>
    public void Run(long iterations)
    {
        for (long i = 0; i < iterations; i++)
        {
            byte[] input = Next();
            Order order;
            try
            {
                order = Order.Decode(input);
            }
            catch (MalformedDataException)
            {
                Rejected++;
                continue;
            }
            catch (Exception e)
            {
                throw new FuzzFailure("decoder threw " + e.GetType().Name + ": " + e.Message, input, e);
            }
            byte[] again;
            try
            {
                again = order.Encode();
            }
            catch (Exception e)
            {
                throw new FuzzFailure("a decoded order failed to encode: " + e.Message, input, e);
            }
            if (!again.AsSpan().SequenceEqual(input))
            {
                throw new FuzzFailure("decoded order re-encodes differently (not canonical)", input, null);
            }
            Decoded++;
            if (_corpus.Count < 4096 && _random.Next(64) == 0)
            {
                _corpus.Add(input);
            }
        }
    }

    private byte[] Next()
    {
        if (_random.Next(16) == 0)
        {
            byte[] noise = new byte[_random.Next(0, 300)];
            _random.NextBytes(noise);
            if (noise.Length > 0 && _random.Next(2) == 0)
            {
                // Mostly a valid first byte, so noise reaches the body decoders.
                noise[0] = (byte)(0x10 | _random.Next(OrderKind.Count));
            }
            return noise;
        }
        byte[] data = (byte[])_corpus[_random.Next(_corpus.Count)].Clone();
        int mutations = 1 + _random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            data = Mutate(data);
        }
        return data;
    }

    private byte[] Mutate(byte[] data)
    {
        int choice = _random.Next(8);
        if (data.Length == 0)
        {
            choice = 6;
        }
        switch (choice)
        {
            case 0:
                data[_random.Next(data.Length)] ^= (byte)(1 << _random.Next(8));
                return data;
            case 1:
                data[_random.Next(data.Length)] = (byte)_random.Next(256);
                return data;
            case 2:
                data[_random.Next(data.Length)] = Interesting[_random.Next(Interesting.Length)];
                return data;
            case 3:
                return data[.._random.Next(data.Length)];
            case 4:
                {
                    int at = _random.Next(data.Length);
                    int count = 1 + _random.Next(Math.Min(16, data.Length - at));
                    return [.. data[..at], .. data[(at + count)..]];
                }
            case 5:
                {
                    int from = _random.Next(data.Length);
                    int count = 1 + _random.Next(Math.Min(32, data.Length - from));
                    int at = _random.Next(data.Length + 1);
                    return [.. data[..at], .. data.AsSpan(from, count), .. data[at..]];
                }
            case 6:
                {
                    byte[] extra = new byte[1 + _random.Next(8)];
                    _random.NextBytes(extra);
                    int at = _random.Next(data.Length + 1);
                    return [.. data[..at], .. extra, .. data[at..]];
                }
            default:
                {
                    byte[] other = _corpus[_random.Next(_corpus.Count)];
                    int cut = _random.Next(data.Length + 1);
                    int otherCut = _random.Next(other.Length + 1);
                    return [.. data[..cut], .. other[otherCut..]];
                }
        }
    }

    private static readonly byte[] Interesting = { 0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x10, 0x15, 0x0a, 0x1b, 0xc3, 0xe2, 0xf0 };

    private static List<byte[]> SeedCorpus(Random random)
    {
        byte[] Key()
        {
            byte[] k = new byte[32];
            random.NextBytes(k);
            return k;
        }
        uint t = 100000000;
        var members = Enumerable.Range(0, 8).Select(i => new CouncilMember("Member " + i, i / 2, Key(), t, CouncilMember.Forever, false)).ToArray();
        var orders = new List<Order>
        {
            new(OrderKind.Genesis, 0, t, 0, new GenesisBody("Storby samordningsråd", 10000000, members, KindPolicy.Defaults())),
            new(OrderKind.Alert, 1, t, 60, new AlertBody(AlertBody.Danger, 3, "Översvämning vid älven – gå till högre mark 🚒")),
            new(OrderKind.Alert, 2, t, 1440, new AlertBody(AlertBody.Information, 0, "Värmestuga öppen")),
            new(OrderKind.TeamActivation, 3, t, 600, new TeamActivationBody([1, 2, 300], [4], [7, 8], t, t + 3600)),
            new(OrderKind.DistributionRules, 4, t, 2880, new DistributionRulesBody(24, [new ItemRule(1, null, 2, 1, 1), new ItemRule(2, null, 1, 0, 1), new ItemRule(150, "Blöjor", 3, 0, 0)])),
            new(OrderKind.ReserveActivation, 5, t, 1440, new ReserveActivationBody(500000, t + 86400, "Diesel")),
            new(OrderKind.RegistryUpdate, 6, t, 600, new RegistryUpdateBody([RegistryOperation.Revoke(2), RegistryOperation.Add(new CouncilMember("Ny", 3, Key(), t, t + 86400, false)), RegistryOperation.Rotate(1, Key(), t, CouncilMember.Forever), RegistryOperation.ChangePolicy(1, new KindPolicy(2, 2))])),
        };
        foreach (Order order in orders)
        {
            int signers = random.Next(0, 4);
            for (int s = 0; s < signers; s++)
            {
                byte[] signature = new byte[Order.SignatureSize];
                random.NextBytes(signature);
                order.SetSignature(random.Next(8), signature);
            }
        }
        return orders.Select(o => o.Encode()).ToList();
    }
}

public sealed class FuzzFailure(string message, byte[] input, Exception? inner)
    : Exception(message + "\ninput: " + Convert.ToHexStringLower(input), inner)
{
    public byte[] Input { get; } = input;
}
