using Skold.Codec;
using Skold.Council;
using Skold.HostLink;
using Skold.Mesh;

namespace Skold.Board.Node
{
    /// <summary>
    /// The node's side of the host link (docs/formats/host-link.md): what a relay node answers to
    /// each request, for the ESP32 image (NodeApp over a serial port) and the Linux node (`skold
    /// node run --host-link`, over a Unix socket) alike. Call Serve from the node loop's thread.
    /// </summary>
    public sealed class HostLinkRequests
    {
        public const string Queued = "queued for the air";
        public const string AlreadyHeld = "already held";

        /// <summary>
        /// A node that keeps its own clock agrees with the host when they are this close: the skew
        /// the council's rules already allow for an order's creation time (OrderAcceptance).
        /// </summary>
        public const long ClockToleranceSeconds = OrderAcceptance.AllowedClockSkewSeconds;

        private readonly HostLinkReplies _replies;
        private readonly IHostLinkNode _node;

        public HostLinkRequests(HostLinkReplies replies, IHostLinkNode node)
        {
            _replies = replies;
            _node = node;
        }

        public void Serve(HostLinkFrame request, long nowMs)
        {
            switch (request.Type)
            {
                case HostLinkFrame.SendOrder:
                    SendOrder(request.Payload, nowMs);
                    return;
                case HostLinkFrame.SendReport:
                    SendReport(request.Payload, nowMs);
                    return;
                case HostLinkFrame.Ping:
                    Status(nowMs);
                    return;
                case HostLinkFrame.SetTime:
                    SetTime(request.Payload, nowMs);
                    return;
                case HostLinkFrame.SelfTest:
                    SelfTest();
                    return;
                default:
                    _replies.Answer(request.Type, 255, "unknown request type " + request.Type);
                    return;
            }
        }

        /// <summary>The status frame, with the held-orders digest while relaying; a node that does not relay also says why in a log frame.</summary>
        public void Status(long nowMs)
        {
            RelayNode? relay = _node.Relay;
            if (relay != null)
            {
                _replies.Status(_node.NodeId, relay.Neighbours, relay.Engine.QueueLength, relay.Engine.Held.Count,
                    relay.Config.DutyCycle.HeadroomMicroseconds(nowMs) / 1000, _node.BatteryMillivolts, true, relay.Engine.Held.Digest());
            }
            else
            {
                _replies.Status(_node.NodeId, 0, 0, 0, 0, _node.BatteryMillivolts, false, 0);
                _replies.Log(NotTransmitting());
            }
        }

        private void SendOrder(byte[] order, long nowMs)
        {
            RelayNode? relay = _node.Relay;
            if (relay == null)
            {
                _replies.Answer(HostLinkFrame.SendOrder, 255, NotTransmitting());
                return;
            }
            if (relay.Engine.Held.Holds(Frame.MessageIdOf(order)))
            {
                // A host sends again what it got no answer to (the link broke): that is not a refusal.
                _replies.Answer(HostLinkFrame.SendOrder, 0, AlreadyHeld);
                return;
            }
            if (!_node.KeepsOwnClock)
            {
                AdvanceClockTo(order, nowMs);
            }
            bool accepted = relay.Engine.Originate(order, nowMs);
            _replies.Answer(HostLinkFrame.SendOrder, accepted ? 0 : 255, accepted ? Queued : "not accepted by the council's rules (signatures, policy, sequence or expiry)");
        }

        private void SendReport(byte[] report, long nowMs)
        {
            RelayNode? relay = _node.Relay;
            if (relay == null)
            {
                _replies.Answer(HostLinkFrame.SendReport, 255, NotTransmitting());
                return;
            }
            bool accepted = relay.Engine.OriginateReport(report, nowMs);
            _replies.Answer(HostLinkFrame.SendReport, accepted ? 0 : 255, accepted ? Queued : "not signed by a station the council registered");
        }

        private void SetTime(byte[] payload, long nowMs)
        {
            if (payload.Length != 4)
            {
                _replies.Answer(HostLinkFrame.SetTime, 255, "set time takes 4 bytes: council seconds, big-endian");
                return;
            }
            long seconds = Bytes.ReadUInt32BigEndian(payload, 0);
            if (_node.KeepsOwnClock)
            {
                // Its host's clock is the node's clock; the node never changes it, it only says whether the two agree.
                long apart = seconds - _node.CouncilSeconds(nowMs);
                long distance = apart < 0 ? -apart : apart;
                if (distance <= ClockToleranceSeconds)
                {
                    _replies.Answer(HostLinkFrame.SetTime, 0, "this node keeps its host's clock; it agrees within " + distance + " s");
                }
                else
                {
                    _replies.Answer(HostLinkFrame.SetTime, 255, "refused: this node keeps its host's clock, which is " + distance + " s "
                        + (apart > 0 ? "behind" : "ahead of") + " the time sent; set the clock of the computer the node runs on");
                }
                return;
            }
            long floor = _node.ClockFloorSeconds;
            if (seconds < floor)
            {
                _replies.Answer(HostLinkFrame.SetTime, 255, "refused: " + seconds + " is before the council's newest order this node knows (" + floor + ")");
                return;
            }
            _node.SetCouncilSeconds(seconds, nowMs);
            _replies.Answer(HostLinkFrame.SetTime, 0, "council time set to " + seconds);
        }

        private void SelfTest()
        {
            SelfTestReport? report = _node.RunSelfTest();
            if (report == null)
            {
                _replies.Answer(HostLinkFrame.SelfTest, 255, "this node has no self-test over the host link: no LED or button; it checks its radio when it starts");
                return;
            }
            _replies.Answer(HostLinkFrame.SelfTest, report.Passed ? 0 : 255, report.Summary());
        }

        // An order the host hands over cannot be from the future: if it is newer than the clock of a
        // board without one of its own (no RTC, no network), that clock was behind; move it forward.
        private void AdvanceClockTo(byte[] order, long nowMs)
        {
            try
            {
                uint created = Order.Decode(order).Created;
                if (created > _node.CouncilSeconds(nowMs))
                {
                    _node.SetCouncilSeconds(created, nowMs);
                }
            }
            catch (MalformedDataException)
            {
                // The engine refuses it and the answer says so.
            }
        }

        private string NotTransmitting()
        {
            return "not transmitting: " + _node.Problem;
        }
    }
}
