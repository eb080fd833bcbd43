using Skold.Board.Boards;
using Skold.Board.Node;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Provisioning;
using Skold.Radio.Model;
using Skold.Radio.Sx127x;
using Skold.Tests.Portable;

namespace Skold.Board.Tests.Node;

/// <summary>One relay board in a test: the node app over the register model, a memory serial link and flash.</summary>
public sealed class TestNode
{
    public TestNode(FaultyFlash? flash = null, bool dio0Wired = true, string board = BoardPinMap.DevKitCRfm95w, int? randomSeed = null)
    {
        _randomSeed = randomSeed;
        Chip = new SimulatedSx1276();
        Board = new SimulatedBoard(Chip, dio0Wired, BoardPinMap.ForName(board).Button != BoardPinMap.None);
        Flash = flash ?? new FaultyFlash();
        Pins = BoardPinMap.ForName(board);
    }

    private readonly int? _randomSeed;

    public SimulatedSx1276 Chip { get; }

    public SimulatedBoard Board { get; }

    public FaultyFlash Flash { get; }

    public MemoryLink Link { get; } = new();

    public BoardPinMap Pins { get; }

    public NodeApp App { get; private set; } = null!;

    // One council per test thread: the kiosk tests run methods in parallel, and a council signs with one Ed25519 instance.
    private static readonly ThreadLocal<TestCouncil> Councils = new(() => new TestCouncil());

    public static TestCouncil Council => Councils.Value!;

    public static byte[] Provisioning(int id, string board = BoardPinMap.DevKitCRfm95w, Action<DeviceProvisioning>? tweak = null)
    {
        var p = new DeviceProvisioning
        {
            Role = DeviceProvisioning.RoleRelay,
            Id = id,
            Board = board,
            DeviceSeed = Enumerable.Range(0, 32).Select(i => (byte)(i + id)).ToArray(),
            FrequencyHz = 869525000,
            SpreadingFactor = 9,
            BandwidthHz = 125000,
            CodingRate = 5,
            PowerDbm = 14,
            PaBoost = true,
            Genesis = Council.Genesis.Encode(),
        };
        tweak?.Invoke(p);
        return p.Encode();
    }

    public TestNode Provision(byte[] provisioning)
    {
        Flash.Write(NodeBoot.ProvisioningFile, provisioning, 0, provisioning.Length);
        return this;
    }

    public TestNode Boot(bool selfTest = false)
    {
        App = new NodeApp(Pins, new Sx127x(Chip, Chip), Link, Flash, Board, new SeededRandomSource(_randomSeed ?? Pins.Name.Length), new Ed25519());
        App.Boot(selfTest);
        Link.Drain();
        return this;
    }

    /// <summary>Runs the loop for a span of board time, in 10 ms turns, alone on the air.</summary>
    public void Run(long ms, Action<TestNode>? eachTurn = null)
    {
        long until = Board.Now + ms;
        while (Board.Now < until)
        {
            App.Step();
            // Alone on the air: a frame ends when the modem is done, nobody hears it.
            if (Chip.Mode == Skold.Radio.Sx127x.Registers.ModeTransmit)
            {
                Chip.FinishTransmit();
            }
            eachTurn?.Invoke(this);
            Board.Now += 10;
        }
        Link.Drain();
    }

    private sealed class SeededRandomSource(int seed) : IRandomSource
    {
        private readonly Random _random = new(seed);

        public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
    }
}
