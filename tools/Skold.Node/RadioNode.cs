using Skold.Board.Node;
using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Node;

/// <summary>
/// The relay node on a host: the same portable loop as the ESP32 image (Skold.Board.Node.RelayNode:
/// the relay engine driving our SX127x driver), with its events written as JSON log lines and heard
/// frames handed to the host link. Call Step from one thread whenever DIO0 rises and whenever
/// NextWakeMs comes.
/// </summary>
public sealed class RadioNode : IRelayNodeEvents
{
    private readonly RelayNode _loop;
    private readonly Sx127x _radio;
    private readonly NodeLog _log;

    public RadioNode(RelayConfig config, RelayEngine engine, Sx127x radio, RadioSettings settings, NodeLog log)
    {
        _loop = new RelayNode(config, engine, radio, settings) { Events = this };
        _radio = radio;
        _log = log;
    }

    public int NodeId => _loop.NodeId;

    /// <summary>The portable relay loop itself (the host link's handler reads its engine and counters).</summary>
    public RelayNode Loop => _loop;

    public RelayConfig Config => _loop.Config;

    public RelayEngine Engine => _loop.Engine;

    public int FramesHeard => _loop.FramesHeard;

    public int FramesSent => _loop.FramesSent;

    /// <summary>Every frame heard: bytes, length, RSSI dBm, SNR tenths (the host link forwards them).</summary>
    public Action<byte[], int, int, int>? Heard { get; set; }

    public int Neighbours => _loop.Neighbours;

    public void Start(long nowMs) => _loop.Start(nowMs);

    /// <summary>When the loop should next call Step if DIO0 stays quiet.</summary>
    public long NextWakeMs(long nowMs) => _loop.NextWakeMs(nowMs);

    public void Step(long nowMs) => _loop.Step(nowMs);

    public string Status(long nowMs) =>
        $"node {NodeId}: {Neighbours} neighbours, {Engine.Held.Count} orders held, queue {Engine.QueueLength}, " +
        $"duty-cycle headroom {Config.DutyCycle.HeadroomMicroseconds(nowMs) / 1000} ms this hour, heard {FramesHeard}, sent {FramesSent}, CRC errors {_radio.CrcErrors}";

    void IRelayNodeEvents.RadioReady(long nowMs, RadioSettings settings) =>
        _log.Write(nowMs, NodeId, "radio-ready", ("frequency_hz", settings.FrequencyHz), ("modulation", settings.Modulation.ToString()), ("power_dbm", settings.PowerDbm));

    void IRelayNodeEvents.FrameHeard(long nowMs, byte[] frame, int length, int rssiDbm, int snrTenths)
    {
        Heard?.Invoke(frame, length, rssiDbm, snrTenths);
        _log.Write(nowMs, NodeId, "heard", ("bytes", length), ("rssi_dbm", rssiDbm), ("snr_tenths_db", snrTenths));
    }

    void IRelayNodeEvents.CrcError(long nowMs, int total) => _log.Write(nowMs, NodeId, "crc-error", ("total", total));

    void IRelayNodeEvents.Transmitting(long nowMs, OutgoingFrame frame) =>
        _log.Write(nowMs, NodeId, "transmit", ("type", RelayNode.TypeName(frame.Type)), ("bytes", frame.Data.Length),
            ("airtime_us", frame.AirtimeMicroseconds), ("repair", frame.Repair));

    void IRelayNodeEvents.Sent(long nowMs) => _log.Write(nowMs, NodeId, "sent");

    void IRelayNodeEvents.RadioError(long nowMs, string message) => _log.Write(nowMs, NodeId, "radio-error", ("message", message));
}
