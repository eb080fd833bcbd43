using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Board.Node
{
    /// <summary>
    /// The relay node's radio loop, the same on the ESP32 and on a Linux host: the core's relay
    /// engine driving our SX127x driver. It listens; hands every frame to the engine with its SNR;
    /// when the engine has something due, checks the channel with CAD first and transmits what
    /// the engine gives; and recovers from a transmitter that never reports TxDone. Call Step
    /// from one thread whenever DIO0 rises and whenever NextWakeMs comes.
    /// </summary>
    public sealed class RelayNode
    {
        private const int Listening = 0;
        private const int CheckingChannel = 1;
        private const int Transmitting = 2;

        private readonly Sx127x _radio;
        private readonly RadioSettings _settings;
        private int _phase = Listening;

        public RelayNode(RelayConfig config, RelayEngine engine, Sx127x radio, RadioSettings settings)
        {
            Config = config;
            Engine = engine;
            _radio = radio;
            _settings = settings;
        }

        public RelayConfig Config { get; }

        public RelayEngine Engine { get; }

        public int NodeId
        {
            get { return Config.NodeId; }
        }

        public int FramesHeard { get; private set; }

        public int FramesSent { get; private set; }

        public int RadioErrors { get; private set; }

        public int CrcErrors
        {
            get { return _radio.CrcErrors; }
        }

        /// <summary>True while a frame is on air (the status LED shows it).</summary>
        public bool OnAir
        {
            get { return _phase == Transmitting; }
        }

        /// <summary>Who hears about frames, transmissions and radio errors (a log, the host link).</summary>
        public IRelayNodeEvents? Events { get; set; }

        /// <summary>Resets and configures the radio and starts listening; RadioException when the chip does not answer.</summary>
        public void Start(long nowMs)
        {
            _radio.Reset();
            _radio.Configure(_settings);
            _radio.StartReceiving();
            _phase = Listening;
            Events?.RadioReady(nowMs, _settings);
        }

        /// <summary>When the loop should next call Step if DIO0 stays quiet.</summary>
        public long NextWakeMs(long nowMs)
        {
            if (_phase != Listening)
            {
                return nowMs + 50;
            }
            long next = Engine.NextActionMs(nowMs);
            return next > nowMs ? next : nowMs;
        }

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

        /// <summary>Neighbours currently in the engine's table.</summary>
        public int Neighbours
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Engine.Neighbours.Capacity; i++)
                {
                    if (Engine.Neighbours.At(i) != null)
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        public static string TypeName(int type)
        {
            switch (type)
            {
                case FrameType.Order:
                    return "order";
                case FrameType.Report:
                    return "report";
                case FrameType.Beacon:
                    return "beacon";
                case FrameType.Inventory:
                    return "inventory";
                case FrameType.Request:
                    return "request";
                default:
                    return "type-" + type;
            }
        }

        private bool StepOnce(long nowMs)
        {
            bool progressed = false;
            int happened = _radio.Service();
            switch (happened)
            {
                case RadioEvent.FrameReceived:
                    FramesHeard++;
                    Engine.Receive(_radio.Received, 0, _radio.ReceivedLength, _radio.ReceivedSnrTenths, nowMs);
                    Events?.FrameHeard(nowMs, _radio.Received, _radio.ReceivedLength, _radio.ReceivedRssiDbm, _radio.ReceivedSnrTenths);
                    progressed = true;
                    break;
                case RadioEvent.CrcError:
                    Events?.CrcError(nowMs, _radio.CrcErrors);
                    break;
                case RadioEvent.TransmitDone:
                    FramesSent++;
                    _phase = Listening;
                    _radio.StartReceiving();
                    Events?.Sent(nowMs);
                    progressed = true;
                    break;
                case RadioEvent.ChannelClear:
                case RadioEvent.ChannelBusy:
                    OutgoingFrame? frame = Engine.Poll(nowMs, happened == RadioEvent.ChannelBusy);
                    if (frame == null)
                    {
                        _phase = Listening;
                        _radio.StartReceiving();
                    }
                    else
                    {
                        _radio.Transmit(frame.Data, 0, frame.Data.Length, nowMs);
                        _phase = Transmitting;
                        Events?.Transmitting(nowMs, frame);
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
                RadioErrors++;
                Events?.RadioError(nowMs, e.Message);
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
}
