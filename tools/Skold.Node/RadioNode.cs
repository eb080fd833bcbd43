using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Node;

/// <summary>
/// The relay node's radio loop: the core's relay engine driving our SX127x driver. It listens;
/// hands every frame to the engine with its SNR; when the engine has something due, checks the
/// channel with CAD first and transmits what the engine gives; and reports a dead transmitter.
/// Call Step from one thread whenever DIO0 rises and whenever NextWakeMs comes.
/// </summary>
public sealed class RadioNode
{
    private const int Listening = 0;
    private const int CheckingChannel = 1;
    private const int Transmitting = 2;

    private readonly Sx127x _radio;
    private readonly RadioSettings _settings;
    private readonly NodeLog _log;
    private int _phase = Listening;

    private readonly RelayConfig _config;

    public RadioNode(RelayConfig config, RelayEngine engine, Sx127x radio, RadioSettings settings, NodeLog log)
    {
        _config = config;
        NodeId = config.NodeId;
        Engine = engine;
        _radio = radio;
        _settings = settings;
        _log = log;
    }

    public int NodeId { get; }

    public RelayConfig Config => _config;

    public RelayEngine Engine { get; }

    public int FramesHeard { get; private set; }

    public int FramesSent { get; private set; }

    /// <summary>Every frame heard: bytes, length, RSSI dBm, SNR tenths (the host link forwards them).</summary>
    public Action<byte[], int, int, int>? Heard { get; set; }

    public void Start(long nowMs)
    {
        _radio.Reset();
        _radio.Configure(_settings);
        _radio.StartReceiving();
        _log.Write(nowMs, NodeId, "radio-ready", ("frequency_hz", _settings.FrequencyHz), ("modulation", _settings.Modulation.ToString()), ("power_dbm", _settings.PowerDbm));
    }

    /// <summary>When the loop should next call Step if DIO0 stays quiet.</summary>
    public long NextWakeMs(long nowMs) => _phase == Listening ? Math.Max(nowMs, Engine.NextActionMs(nowMs)) : nowMs + 50;

    public void Step(long nowMs)
    {
        for (int round = 0; round < 4; round++)
        {
            if (!StepOnce(nowMs))
            {
                return;
            }
        }
    }

    public string Status(long nowMs) =>
        $"node {NodeId}: {Neighbours} neighbours, {Engine.Held.Count} orders held, queue {Engine.QueueLength}, " +
        $"duty-cycle headroom {_config.DutyCycle.HeadroomMicroseconds(nowMs) / 1000} ms this hour, heard {FramesHeard}, sent {FramesSent}, CRC errors {_radio.CrcErrors}";

    public int Neighbours => Enumerable.Range(0, Engine.Neighbours.Capacity).Count(i => Engine.Neighbours.At(i) is not null);

    private static string TypeName(int type) => type switch
    {
        FrameType.Order => "order",
        FrameType.Report => "report",
        FrameType.Beacon => "beacon",
        FrameType.Inventory => "inventory",
        FrameType.Request => "request",
        _ => "type-" + type,
    };

    private bool StepOnce(long nowMs)
    {
        bool progressed = false;
        int happened = _radio.Service();
        switch (happened)
        {
            case RadioEvent.FrameReceived:
                FramesHeard++;
                Engine.Receive(_radio.Received, 0, _radio.ReceivedLength, _radio.ReceivedSnrTenths, nowMs);
                Heard?.Invoke(_radio.Received, _radio.ReceivedLength, _radio.ReceivedRssiDbm, _radio.ReceivedSnrTenths);
                _log.Write(nowMs, NodeId, "heard", ("bytes", _radio.ReceivedLength), ("rssi_dbm", _radio.ReceivedRssiDbm), ("snr_tenths_db", _radio.ReceivedSnrTenths));
                progressed = true;
                break;
            case RadioEvent.CrcError:
                _log.Write(nowMs, NodeId, "crc-error", ("total", _radio.CrcErrors));
                break;
            case RadioEvent.TransmitDone:
                FramesSent++;
                _phase = Listening;
                _radio.StartReceiving();
                _log.Write(nowMs, NodeId, "sent");
                progressed = true;
                break;
            case RadioEvent.ChannelClear:
            case RadioEvent.ChannelBusy:
                OutgoingFrame? frame = Engine.Poll(nowMs, happened == RadioEvent.ChannelBusy);
                if (frame is null)
                {
                    _phase = Listening;
                    _radio.StartReceiving();
                }
                else
                {
                    _radio.Transmit(frame.Data, 0, frame.Data.Length, nowMs);
                    _phase = Transmitting;
                    _log.Write(nowMs, NodeId, "transmit", ("type", TypeName(frame.Type)), ("bytes", frame.Data.Length),
                        ("airtime_us", frame.AirtimeMicroseconds), ("repair", frame.Repair));
                }
                progressed = true;
                break;
        }
        try
        {
            _radio.CheckTimeout(nowMs);
        }
        catch (RadioException e)
        {
            _log.Write(nowMs, NodeId, "radio-error", ("message", e.Message));
            _phase = Listening;
            _radio.StartReceiving();
        }
        if (_phase == Listening && Engine.NextActionMs(nowMs) <= nowMs)
        {
            _radio.StartChannelCheck();
            _phase = CheckingChannel;
            progressed = true;
        }
        return progressed;
    }
}
