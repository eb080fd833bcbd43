using Skold.Mesh;
using Skold.Radio.Model;
using Skold.Radio.Sx127x;

namespace Skold.Node;

/// <summary>
/// Relay nodes on register-model radios in a line, each hearing only its neighbours, run in
/// virtual time: a frame a chip transmits reaches the neighbours that are listening when its
/// time on air ends, and keeps their channel busy meanwhile (so CAD sees it). No collisions or
/// path loss here (that is `skold sim`'s job); this runs the node's own loop end to end.
/// </summary>
public sealed class SimulatedAir
{
    private const int PacketRssiRegister = 67; // -90 dBm on the HF port
    private const int SnrQuarterDb = 32;       // 8 dB

    private readonly List<(RadioNode Node, SimulatedSx1276 Chip)> _line = [];
    private readonly Dictionary<SimulatedSx1276, long> _onAirUntil = [];
    private readonly LoRaModulation _modulation;

    public SimulatedAir(LoRaModulation modulation)
    {
        _modulation = modulation;
    }

    public long NowMs { get; private set; }

    public IReadOnlyList<RadioNode> Nodes => _line.Select(n => n.Node).ToList();

    public void Add(RadioNode node, SimulatedSx1276 chip)
    {
        _line.Add((node, chip));
        node.Start(NowMs);
    }

    /// <summary>
    /// Runs until untilMs of virtual time; status is called every statusEveryMs, tick on every
    /// step. With speed above 0 virtual time follows the wall clock, speed times faster (so a
    /// gateway on the host link can take part); with 0 it runs as fast as it can.
    /// </summary>
    public void Run(long untilMs, long statusEveryMs, Action<long> status, double speed = 0, Action<long>? tick = null)
    {
        long nextStatus = NowMs + statusEveryMs;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        long startMs = NowMs;
        while (NowMs < untilMs)
        {
            tick?.Invoke(NowMs);
            foreach ((RadioNode node, SimulatedSx1276 chip) in _line)
            {
                node.Step(NowMs);
                if (chip.Mode == Registers.ModeTransmit && !_onAirUntil.ContainsKey(chip))
                {
                    int length = chip.Register(Registers.PayloadLength);
                    _onAirUntil[chip] = NowMs + Math.Max(1, LoRaAirtime.TimeOnAirMicroseconds(_modulation, length) / 1000);
                    SetBusy(chip, true);
                }
            }
            foreach (SimulatedSx1276 chip in _onAirUntil.Where(t => t.Value <= NowMs).Select(t => t.Key).ToList())
            {
                _onAirUntil.Remove(chip);
                SetBusy(chip, false);
                if (chip.FinishTransmit())
                {
                    byte[] frame = chip.Transmitted[^1];
                    foreach (SimulatedSx1276 neighbour in Neighbours(chip))
                    {
                        neighbour.Receive(frame, PacketRssiRegister, SnrQuarterDb);
                    }
                }
            }
            if (NowMs >= nextStatus)
            {
                status(NowMs);
                nextStatus += statusEveryMs;
            }
            long next = Math.Min(untilMs, nextStatus);
            foreach ((RadioNode node, _) in _line)
            {
                next = Math.Min(next, node.NextWakeMs(NowMs));
            }
            foreach (long end in _onAirUntil.Values)
            {
                next = Math.Min(next, end);
            }
            if (speed > 0)
            {
                // Small steps, so requests from the host are served within tens of milliseconds.
                next = Math.Min(next, NowMs + (long)Math.Max(1, 20 * speed));
                long dueWallMs = (long)((next - startMs) / speed);
                long wait = dueWallMs - wall.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)Math.Min(wait, 50));
                }
            }
            NowMs = Math.Max(NowMs + 1, next);
        }
    }

    private IEnumerable<SimulatedSx1276> Neighbours(SimulatedSx1276 chip)
    {
        int index = _line.FindIndex(n => n.Chip == chip);
        if (index > 0)
        {
            yield return _line[index - 1].Chip;
        }
        if (index < _line.Count - 1)
        {
            yield return _line[index + 1].Chip;
        }
    }

    private void SetBusy(SimulatedSx1276 transmitter, bool busy)
    {
        foreach (SimulatedSx1276 neighbour in Neighbours(transmitter))
        {
            neighbour.ChannelBusy = busy || _onAirUntil.Keys.Any(other => other != transmitter && Neighbours(other).Contains(neighbour));
        }
    }
}
