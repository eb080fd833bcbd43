using System;
using Skold.Board.Boards;
using Skold.Board.Power;
using Skold.Board.Status;
using Skold.Board.Storage;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.HostLink;
using Skold.Mesh;
using Skold.Provisioning;
using Skold.Radio.Sx127x;

namespace Skold.Board.Node
{
    /// <summary>
    /// The relay node app, everything the ESP32 image decides: reads the provisioning at boot and
    /// refuses to transmit (saying why on serial and LED) when it is missing or wrong; otherwise
    /// runs the relay loop (RelayNode) with the order store on flash; serves the host link on the
    /// serial byte stream (orders and reports into the mesh with answers, every heard frame, status,
    /// clock); reads the battery; debounces the button (short press: status on serial; held at
    /// boot: self-test); drives the status LED. The board's Program only builds the adapters and
    /// calls Step in a loop from one thread.
    /// </summary>
    public sealed class NodeApp
    {
        public const long BatteryEveryMs = 60000;
        public const long ProblemRepeatMs = 30000;
        public const int StoreCompactAfterBytes = 16384;
        public const int BatterySamples = 9;
        public const int MaxRequestsPerTurn = 4;

        private readonly Sx127x _radio;
        private readonly HostLinkPort _port;
        private readonly HostLinkReplies _link;
        private readonly HostLinkRequests _requests;
        private readonly IFlashFiles _files;
        private readonly INodeBoard _board;
        private readonly IRandomSource _random;
        private readonly Ed25519 _ed;
        private readonly BoardPinMap _pins;
        private readonly BatteryGauge? _gauge;
        private readonly Button _button = new Button();
        private readonly int[] _batteryRaws = new int[BatterySamples];
        private DeviceProvisioning? _provisioning;
        private RelayNode? _node;
        private long _nextBatteryMs;
        private long _nextProblemMs;
        private long _lastHostTrafficMs = long.MinValue / 2;
        private int _ledState = LedState.Running;
        private long _ledSinceMs;
        private bool _selfTestShown;
        private long _clockFloorSeconds;

        public NodeApp(BoardPinMap pins, Sx127x radio, IByteLink link, IFlashFiles files, INodeBoard board, IRandomSource random, Ed25519 ed)
        {
            _pins = pins;
            _radio = radio;
            _port = new HostLinkPort(link);
            _link = new HostLinkReplies(_port);
            _requests = new HostLinkRequests(_link, new LinkNode(this));
            _files = files;
            _board = board;
            _random = random;
            _ed = ed;
            _gauge = pins.BatteryAdcPin == BoardPinMap.None ? null : new BatteryGauge(pins.DividerNumerator, pins.DividerDenominator);
        }

        /// <summary>Why this node does not transmit (provisioning or radio), or null while it relays.</summary>
        public string? Problem { get; private set; }

        /// <summary>True when the problem is the radio or another fault (LED: fast blink), not the provisioning (three blinks).</summary>
        public bool Fault { get; private set; }

        public bool Relaying
        {
            get { return _node != null && Problem == null; }
        }

        public RelayNode? Node
        {
            get { return _node; }
        }

        public int NodeId
        {
            get { return _provisioning == null ? 0 : _provisioning.Id; }
        }

        public SelfTestReport? LastSelfTest { get; private set; }

        public int BatteryMillivolts
        {
            get { return _gauge == null ? 0 : _gauge.Millivolts; }
        }

        public int BatteryLevelNow
        {
            get { return _gauge == null ? BatteryLevel.Unknown : _gauge.Level; }
        }

        public int LedStateNow
        {
            get { return _ledState; }
        }

        /// <summary>The host link's decoder: frames it dropped.</summary>
        public int LinkRejected
        {
            get { return _port.Rejected; }
        }

        /// <summary>Council time (SkoldTime seconds) at nowMs, as the relay engine sees it.</summary>
        public long CouncilSeconds(long nowMs)
        {
            return _node == null ? _clockFloorSeconds : (nowMs + _node.Config.CouncilEpochOffsetMs) / 1000;
        }

        /// <summary>Boot: the self-test first when asked (button held at power-on), then the provisioning, then the radio.</summary>
        public void Boot(bool selfTest)
        {
            long now = _board.NowMs();
            ReadBattery(now);
            if (selfTest)
            {
                RunSelfTest();
            }
            Problem = ReadProvisioning();
            if (Problem == null)
            {
                StartRelay(now);
            }
            if (Problem != null)
            {
                Silence();
                Say(now, (Fault ? "fault: " : "not transmitting: ") + Problem);
                _nextProblemMs = now + ProblemRepeatMs;
            }
            else
            {
                Say(now, StatusText(now));
            }
            UpdateLed(now);
        }

        /// <summary>One turn of the loop: button, host link, radio, battery, LED. Returns when the next turn is due.</summary>
        public long Step()
        {
            long now = _board.NowMs();
            int button = _pins.Button == BoardPinMap.None ? ButtonEvent.None : _button.Sample(_board.ButtonPressed(), now);
            if (button == ButtonEvent.ShortPress || button == ButtonEvent.LongPress)
            {
                _selfTestShown = true;
                Say(now, Problem == null ? StatusText(now) : (Fault ? "fault: " : "not transmitting: ") + Problem);
            }
            // A few requests per turn: a host that floods the link must not starve the radio or the watchdog.
            for (int i = 0; i < MaxRequestsPerTurn; i++)
            {
                HostLinkFrame? request = _port.Poll();
                if (request == null)
                {
                    break;
                }
                _lastHostTrafficMs = now;
                _requests.Serve(request, now);
            }
            if (Relaying)
            {
                _node!.Step(now);
            }
            if (now >= _nextBatteryMs)
            {
                ReadBattery(now);
            }
            if (Problem != null && now >= _nextProblemMs)
            {
                Say(now, (Fault ? "fault: " : "not transmitting: ") + Problem);
                _nextProblemMs = now + ProblemRepeatMs;
            }
            UpdateLed(now);
            long next = Relaying ? _node!.NextWakeMs(now) : now + 1000;
            long led = now + LedPattern.MsToNextChange(_ledState, now - _ledSinceMs);
            return next < led ? next : led;
        }

        /// <summary>How long the board may light-sleep now (SleepPolicy), 0 for not at all.</summary>
        public long SleepAllowedMs(bool enabled)
        {
            long now = _board.NowMs();
            bool busy = _node != null && (_node.OnAir || _node.NextWakeMs(now) <= now);
            long next = Relaying ? _node!.NextWakeMs(now) : now + SleepPolicy.MaxSleepMs;
            long led = now + LedPattern.MsToNextChange(_ledState, now - _ledSinceMs);
            bool ledOn = LedPattern.IsOn(_ledState, now - _ledSinceMs);
            // Stay awake while the LED is lit (it would freeze on) and while the button is held.
            bool mayRest = enabled && !ledOn && !_button.Pressed;
            return SleepPolicy.SleepMs(now, mayRest, busy, _lastHostTrafficMs, next, led);
        }

        public string StatusText(long nowMs)
        {
            string battery = _gauge == null ? "no battery pin" : "battery " + _gauge.Millivolts + " mV (" + BatteryLevel.Name(_gauge.Level) + ")";
            if (!Relaying)
            {
                return "node " + NodeId + " on " + _pins.Name + ": not relaying: " + Problem + "; " + battery;
            }
            RelayNode node = _node!;
            return "node " + NodeId + " on " + _pins.Name + ": relaying, " + node.Neighbours + " neighbours, " + node.Engine.Held.Count
                + " orders held, queue " + node.Engine.QueueLength + ", duty-cycle headroom " + node.Config.DutyCycle.HeadroomMicroseconds(nowMs) / 1000
                + " ms this hour, heard " + node.FramesHeard + ", sent " + node.FramesSent + ", CRC errors " + node.CrcErrors
                + ", council time " + CouncilSeconds(nowMs) + ", " + battery;
        }

        private void SetCouncilSeconds(long seconds, long now)
        {
            if (_node != null)
            {
                _node.Config.CouncilEpochOffsetMs = seconds * 1000 - now;
            }
            if (seconds > _clockFloorSeconds)
            {
                _clockFloorSeconds = seconds;
            }
        }

        // The self-test the host asked for leaves the radio asleep: start it again as at boot.
        private SelfTestReport RunSelfTestForHost()
        {
            RunSelfTest();
            if (Relaying)
            {
                StartRadio(_board.NowMs());
            }
            return LastSelfTest!;
        }

        /// <summary>This node as the host link's request handler sees it: a board without a clock of its own.</summary>
        private sealed class LinkNode : IHostLinkNode
        {
            private readonly NodeApp _app;

            public LinkNode(NodeApp app)
            {
                _app = app;
            }

            public int NodeId
            {
                get { return _app.NodeId; }
            }

            public RelayNode? Relay
            {
                get { return _app.Relaying ? _app._node : null; }
            }

            public string? Problem
            {
                get { return _app.Problem; }
            }

            public int BatteryMillivolts
            {
                get { return _app.BatteryMillivolts; }
            }

            public bool KeepsOwnClock
            {
                get { return false; }
            }

            public long ClockFloorSeconds
            {
                get { return _app._clockFloorSeconds; }
            }

            public long CouncilSeconds(long nowMs)
            {
                return _app.CouncilSeconds(nowMs);
            }

            public void SetCouncilSeconds(long seconds, long nowMs)
            {
                _app.SetCouncilSeconds(seconds, nowMs);
            }

            public SelfTestReport? RunSelfTest()
            {
                return _app.RunSelfTestForHost();
            }
        }

        private string? ReadProvisioning()
        {
            byte[]? data = _files.Read(NodeBoot.ProvisioningFile);
            if (data == null)
            {
                return "no provisioning file (" + NodeBoot.ProvisioningFile + "): provision the board (nodes/README.md)";
            }
            DeviceProvisioning p;
            try
            {
                p = DeviceProvisioning.Decode(data);
            }
            catch (MalformedDataException e)
            {
                return e.Message;
            }
            _provisioning = p;
            if (p.Role != DeviceProvisioning.RoleRelay)
            {
                return "this provisioning is for a station kiosk, not a relay";
            }
            if (p.Board != _pins.Name)
            {
                return "the provisioning names board " + p.Board + " but the firmware drives " + _pins.Name + ": restart the board";
            }
            CouncilRegistry? registry;
            string? problem = p.Problem(_ed, out registry);
            if (problem != null)
            {
                return problem;
            }
            _registry = registry;
            _clockFloorSeconds = Order.Decode(p.Genesis).Created;
            for (int i = 0; i < p.Updates.Length; i++)
            {
                uint created = Order.Decode(p.Updates[i]).Created;
                if (created > _clockFloorSeconds)
                {
                    _clockFloorSeconds = created;
                }
            }
            return null;
        }

        private CouncilRegistry? _registry;

        private void StartRelay(long now)
        {
            DeviceProvisioning p = _provisioning!;
            LoRaModulation modulation = new LoRaModulation(p.SpreadingFactor, p.BandwidthHz, p.CodingRate);
            RelayConfig config = new RelayConfig(p.Id, modulation, DutyCycleAccountant.ForFrequency(p.FrequencyHz, p.Amateur));
            config.Callsign = p.Amateur ? p.Callsign : "";
            config.CouncilEpochOffsetMs = _clockFloorSeconds * 1000 - now;
            config.BatteryCentivolts = BatteryMillivolts / 10;
            try
            {
                FlashRelayStore store = new FlashRelayStore(_files, RelayEngine.SeenReportCapacity, RelayEngine.HeldCapacity, StoreCompactAfterBytes);
                RelayEngine engine = new RelayEngine(config, _registry!, new CoverageRebroadcastPolicy(3 * config.BeaconIntervalMs, 0), _random, store, _ed, now);
                RadioSettings settings = new RadioSettings(p.FrequencyHz, modulation, p.PowerDbm, p.PaBoost);
                _node = new RelayNode(config, engine, _radio, settings);
            }
            catch (Exception e)
            {
                Fault = true;
                Problem = "cannot start the relay: " + e.Message;
                return;
            }
            _node.Events = new LinkEvents(this);
            StartRadio(now);
        }

        private void StartRadio(long now)
        {
            try
            {
                _node!.Start(now);
            }
            catch (RadioException e)
            {
                Fault = true;
                Problem = "radio: " + e.Message;
            }
        }

        /// <summary>The relay loop's events on the serial link: every heard frame, and radio errors as text.</summary>
        private sealed class LinkEvents : IRelayNodeEvents
        {
            private readonly NodeApp _app;

            public LinkEvents(NodeApp app)
            {
                _app = app;
            }

            public void RadioReady(long nowMs, RadioSettings settings)
            {
            }

            public void FrameHeard(long nowMs, byte[] frame, int length, int rssiDbm, int snrTenths)
            {
                _app._link.Heard(frame, length, rssiDbm, snrTenths);
            }

            public void CrcError(long nowMs, int total)
            {
            }

            public void Transmitting(long nowMs, OutgoingFrame frame)
            {
            }

            public void Sent(long nowMs)
            {
            }

            public void RadioError(long nowMs, string message)
            {
                _app.Say(nowMs, "radio error: " + message);
            }
        }

        /// <summary>A node that must not transmit puts its radio to sleep (if it answers at all).</summary>
        private void Silence()
        {
            try
            {
                _radio.Reset();
                _radio.Sleep();
            }
            catch (RadioException)
            {
                // A radio that does not answer does not transmit either.
            }
        }

        private void RunSelfTest()
        {
            _ledState = LedState.SelfTesting;
            _board.SetLed(true);
            RadioSettings settings = SelfTestSettings();
            NodeSelfTest test = new NodeSelfTest(_radio, settings, _files, _board, _gauge);
            test.Progress = OnSelfTestProgress;
            LastSelfTest = test.Run();
            _selfTestShown = false;
            long now = _board.NowMs();
            Say(now, LastSelfTest.Summary());
            _ledSinceMs = now;
        }

        private void OnSelfTestProgress(long nowMs, string evt, string detail)
        {
            Say(nowMs, detail);
        }

        // The provisioned channel when there is one; otherwise a legal EU 868 channel (it only listens).
        private RadioSettings SelfTestSettings()
        {
            byte[]? data = _files.Read(NodeBoot.ProvisioningFile);
            if (data != null)
            {
                try
                {
                    DeviceProvisioning p = DeviceProvisioning.Decode(data);
                    return new RadioSettings(p.FrequencyHz, new LoRaModulation(p.SpreadingFactor, p.BandwidthHz, p.CodingRate), p.PowerDbm, p.PaBoost);
                }
                catch (MalformedDataException)
                {
                }
                catch (ArgumentException)
                {
                }
            }
            return new RadioSettings(869525000, new LoRaModulation(9, 125000, 5), 14, true);
        }

        private void ReadBattery(long now)
        {
            _nextBatteryMs = now + BatteryEveryMs;
            if (_gauge == null)
            {
                return;
            }
            for (int i = 0; i < _batteryRaws.Length; i++)
            {
                int raw = _board.ReadBatteryRaw();
                _batteryRaws[i] = raw < 0 ? 0 : raw > BatteryGauge.AdcMaxRaw ? BatteryGauge.AdcMaxRaw : raw;
            }
            _gauge.Update(_batteryRaws, _batteryRaws.Length);
            if (_node != null)
            {
                _node.Config.BatteryCentivolts = _gauge.Millivolts / 10;
            }
        }

        private void UpdateLed(long now)
        {
            bool selfTestFailed = Fault || (LastSelfTest != null && !LastSelfTest.Passed && !_selfTestShown);
            bool selfTestPassed = LastSelfTest != null && LastSelfTest.Passed && !_selfTestShown;
            int state = LedPattern.Choose(selfTestFailed, Problem != null && !Fault, false, _node != null && _node.OnAir, BatteryLevelNow, selfTestPassed);
            if (state != _ledState)
            {
                _ledState = state;
                _ledSinceMs = now;
            }
            _board.SetLed(LedPattern.IsOn(_ledState, now - _ledSinceMs));
        }

        private void Say(long nowMs, string text)
        {
            _link.Log(text);
        }
    }
}
