using System;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Mesh
{
    /// <summary>
    /// The relay logic of one node, deterministic given its inputs: frames received (with SNR),
    /// the clock passed to every call, and the random source. It owns no radio: the caller asks
    /// Poll for the next frame to send whenever the radio is free, and wakes it by NextActionMs.
    ///
    /// Rules, in the order they apply (docs/formats/frame.md):
    /// 1. Authenticate before relaying. An order is reassembled, then relayed only if its
    ///    signatures meet its kind's policy in the council registry and it has not expired; a
    ///    station report only if signed by a station key the council registered. Anything else
    ///    is dropped and costs no airtime.
    /// 2. Flood once, managed. A new authentic message is rebroadcast after the policy's delay;
    ///    the policy may cancel it when copies heard from others make it redundant.
    /// 3. Priority: council orders, then station reports, then orders re-sent on request, then
    ///    beacons, inventories and requests.
    /// 4. Never past the duty-cycle limit: a frame waits until the rolling hour allows it.
    /// 5. Store and forward: beacons carry a digest of the orders held; a neighbour whose digest
    ///    differs gets an inventory, missing orders are requested, and holders send them again.
    /// </summary>
    public sealed class RelayEngine
    {
        public const int HeldCapacity = 48;
        public const int PendingCapacity = 32;
        public const int SeenReportCapacity = 256;
        public const int MaxIdsPerFrame = 60;
        public const int RepairJitterMs = 2500;

        private readonly RelayConfig _config;
        private readonly IRebroadcastPolicy _policy;
        private readonly IRandomSource _random;
        private readonly IRelayStore _store;
        private readonly Ed25519 _ed;
        private readonly OrderAcceptance _acceptance;
        private readonly Reassembler _reassembler = new Reassembler(4, 10 * 60 * 1000);
        private readonly HeldOrders _held = new HeldOrders(HeldCapacity);
        private readonly NeighbourTable _neighbours = new NeighbourTable(32);
        private readonly PendingMessage?[] _pending = new PendingMessage?[PendingCapacity];
        private readonly uint[] _seenReports = new uint[SeenReportCapacity];
        private readonly uint[] _servedIds = new uint[HeldCapacity];
        private readonly long[] _servedAtMs = new long[HeldCapacity];
        private readonly byte[] _heldFragment = new byte[Frame.MaxPayload];
        private int _seenReportCount;
        private long _nextBeaconMs;
        private long _lastInventoryMs = long.MinValue / 2;
        private long _lastRequestMs = long.MinValue / 2;
        private long _heldChangedMs = long.MinValue / 2;

        public RelayEngine(RelayConfig config, CouncilRegistry registry, IRebroadcastPolicy policy, IRandomSource random, IRelayStore store, Ed25519 ed, long nowMs)
        {
            _config = config;
            _policy = policy;
            _random = random;
            _store = store;
            _ed = ed;
            _acceptance = new OrderAcceptance(registry, ed);
            // Everything accepted before the reboot rebuilds the council state, expired orders
            // included (a revocation outlives the update that carried it); the unexpired ones
            // are held again for neighbours that miss them.
            // One order at a time in RAM: the store may keep more bytes than the heap has.
            uint[] ids = store.OrderIds();
            uint now = CouncilTime(nowMs);
            for (int i = 0; i < ids.Length; i++)
            {
                byte[] message = new byte[store.OrderLength(ids[i])];
                if (message.Length == 0 || !store.ReadOrder(ids[i], 0, message, 0, message.Length))
                {
                    continue;
                }
                Order? order = TryDecode(message);
                if (order == null)
                {
                    continue;
                }
                _acceptance.Restore(message, now);
                if (order.Expires > now)
                {
                    _held.Add(ids[i], order.Expires);
                }
            }
            long[] seen = store.LoadSeen(SeenReportCapacity);
            for (int i = 0; i < seen.Length; i++)
            {
                RememberReport((uint)seen[i]);
            }
            _nextBeaconMs = nowMs + _random.Next((int)(config.BeaconIntervalMs / 4) + 1);
        }

        public RelayStatistics Statistics { get; } = new RelayStatistics();

        /// <summary>The application's view of the council: registry in force, distribution rules, reserve.</summary>
        public OrderAcceptance Council
        {
            get { return _acceptance; }
        }

        public HeldOrders Held
        {
            get { return _held; }
        }

        public NeighbourTable Neighbours
        {
            get { return _neighbours; }
        }

        /// <summary>Messages waiting to be sent.</summary>
        public int QueueLength
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _pending.Length; i++)
                {
                    if (_pending[i] != null)
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        /// <summary>Sends an order into the mesh from this node (the council's gateway). False when it is not authentic.</summary>
        /// <summary>True when this node has accepted the station report with this message id (signature verified).</summary>
        public bool HasReport(uint messageId)
        {
            return IsKnownReport(messageId);
        }

        public bool Originate(byte[] order, long nowMs)
        {
            return AcceptOrder(order, Frame.MessageIdOf(order), _config.NodeId, -1000, nowMs, 0, _config.HopLimit);
        }

        /// <summary>Sends a station report into the mesh from this node (a kiosk). False when not signed by a registered station.</summary>
        public bool OriginateReport(byte[] report, long nowMs)
        {
            return AcceptReport(report, Frame.MessageIdOf(report), _config.NodeId, -1000, nowMs, 0, _config.HopLimit);
        }

        /// <summary>Handles one received frame. Malformed or unauthentic input is counted and dropped.</summary>
        public void Receive(byte[] data, int offset, int count, int snrTenths, long nowMs)
        {
            Frame frame;
            try
            {
                frame = Frame.Decode(data, offset, count);
            }
            catch (MalformedDataException)
            {
                Statistics.Malformed++;
                return;
            }
            if (frame.Sender == _config.NodeId)
            {
                return;
            }
            _neighbours.Heard(frame.Sender, snrTenths, nowMs);
            switch (frame.Type)
            {
                case FrameType.Order:
                    ReceiveOrderFrame(frame, snrTenths, nowMs);
                    break;
                case FrameType.Report:
                    if (frame.FragmentCount != 1 || Frame.MessageIdOf(frame.Payload) != frame.MessageId)
                    {
                        // A report is one frame, and its id is its hash: anything else is a re-labelled copy.
                        Statistics.Malformed++;
                    }
                    else if (IsKnownReport(frame.MessageId))
                    {
                        Duplicate(frame, nowMs);
                    }
                    else
                    {
                        AcceptReport(frame.Payload, frame.MessageId, frame.Sender, snrTenths, nowMs, frame.HopCount + 1, frame.HopLimit);
                    }
                    break;
                case FrameType.Beacon:
                    ReceiveBeacon(frame, nowMs);
                    break;
                case FrameType.Inventory:
                    ReceiveInventory(frame, nowMs);
                    break;
                default:
                    ReceiveRequest(frame, nowMs);
                    break;
            }
        }

        /// <summary>When Poll next has something to do (a beacon, a due frame, a duty-cycle window).</summary>
        public long NextActionMs(long nowMs)
        {
            long next = _policy.StoreAndForward ? _nextBeaconMs : long.MaxValue;
            for (int i = 0; i < _pending.Length; i++)
            {
                PendingMessage? p = _pending[i];
                if (p == null)
                {
                    continue;
                }
                long start = _config.DutyCycle.EarliestStartMs(p.DueMs > nowMs ? p.DueMs : nowMs, Airtime(p.NextFrameLength));
                if (start < next)
                {
                    next = start;
                }
            }
            return next;
        }

        /// <summary>
        /// The frame to transmit now, or null. Call when the radio is free; channelBusy (a
        /// reception under way) defers everything. Of the frames that are due and fit the duty
        /// cycle now, the most urgent goes; its airtime is booked. A frame that could never fit
        /// the sub-band's hourly limit is dropped.
        /// </summary>
        public OutgoingFrame? Poll(long nowMs, bool channelBusy)
        {
            if (_policy.StoreAndForward && nowMs >= _nextBeaconMs)
            {
                QueueBeacon(nowMs);
                long interval = _config.BeaconIntervalMs;
                _nextBeaconMs = nowMs + interval - interval / 10 + _random.Next((int)(interval / 5) + 1);
            }
            if (channelBusy)
            {
                // Everyone who was waiting for this frame to end would otherwise start together
                // the moment it does: mark what is due, and draw its delay afresh once it clears.
                for (int i = 0; i < _pending.Length; i++)
                {
                    PendingMessage? p = _pending[i];
                    if (p != null && p.DueMs <= nowMs && p.Next == 0)
                    {
                        p.Deferred = true;
                    }
                }
                return null;
            }
            bool redrawn = false;
            for (int i = 0; i < _pending.Length; i++)
            {
                PendingMessage? p = _pending[i];
                if (p != null && p.Deferred)
                {
                    p.Deferred = false;
                    p.DueMs = nowMs + Backoff(p, nowMs);
                    redrawn = true;
                }
            }
            if (redrawn)
            {
                return null;
            }
            int best = -1;
            for (int i = 0; i < _pending.Length; i++)
            {
                PendingMessage? p = _pending[i];
                if (p == null || p.DueMs > nowMs)
                {
                    continue;
                }
                long airtime = Airtime(p.NextFrameLength);
                if (_config.DutyCycle.EarliestStartMs(nowMs, airtime) == DutyCycleAccountant.Never)
                {
                    _pending[i] = null;
                    Statistics.TooLong++;
                    continue;
                }
                if (!_config.DutyCycle.CanTransmit(nowMs, airtime))
                {
                    Statistics.DutyCycleWaits++;
                    continue;
                }
                PendingMessage? b = best < 0 ? null : _pending[best];
                if (b == null || p.Priority < b.Priority || (p.Priority == b.Priority && p.DueMs < b.DueMs))
                {
                    best = i;
                }
            }
            if (best < 0)
            {
                return null;
            }
            PendingMessage chosen = _pending[best]!;
            // A repair answers a request: its requester is no sign that the order is redundant
            // (it stands down only when another holder answers first, see Duplicate).
            if (chosen.Next == 0 && chosen.Cancellable && !chosen.Repair && _policy.MayCancel(_config.NodeId, chosen.Transmitters, chosen.TransmitterCount, _neighbours, nowMs))
            {
                _pending[best] = null;
                Statistics.Cancelled++;
                return null;
            }
            byte[]? data = chosen.EncodeNext(_config.NodeId, _store);
            if (data == null)
            {
                // The store forgot the order (it kept newer ones): so does this node.
                _pending[best] = null;
                _held.Remove(chosen.MessageId);
                return null;
            }
            long frameAirtime = Airtime(data.Length);
            _config.DutyCycle.Record(nowMs, frameAirtime);
            chosen.Next++;
            if (chosen.Next == chosen.FragmentCount)
            {
                _pending[best] = null;
            }
            Statistics.FramesSent++;
            return new OutgoingFrame(data, chosen.Type, chosen.MessageId, chosen.Repair, frameAirtime);
        }

        private void ReceiveOrderFrame(Frame frame, int snrTenths, long nowMs)
        {
            int held = HeldLength(frame.MessageId);
            if (held > 0)
            {
                // Only a true copy counts: a forged header with a held id must not cancel anything.
                if (IsFragmentOf(frame, held))
                {
                    Duplicate(frame, nowMs);
                }
                return;
            }
            byte[]? message = _reassembler.Add(frame, nowMs);
            if (message == null)
            {
                return;
            }
            // The reassembler has checked that the message hashes to its id.
            AcceptOrder(message, frame.MessageId, frame.Sender, snrTenths, nowMs, frame.HopCount + 1, frame.HopLimit);
        }

        // Holds an authentic order and, unless it has used up its hops, schedules its rebroadcast
        // with the next hop count (0 when this node originates it).
        private bool AcceptOrder(byte[] message, uint id, int sender, int snrTenths, long nowMs, int nextHopCount, int hopLimit)
        {
            if (HeldLength(id) > 0)
            {
                return true;
            }
            Order? order = TryDecode(message);
            uint now = CouncilTime(nowMs);
            if (order == null || order.Kind == OrderKind.Genesis || now >= order.Expires)
            {
                Statistics.Rejected++;
                return false;
            }
            PolicyCheck check = _acceptance.CheckSignatures(order, message, 0, message.Length);
            if (!check.Met)
            {
                Statistics.Rejected++;
                return false;
            }
            _store.AppendOrder(id, message);
            _held.Add(id, order.Expires);
            _heldChangedMs = nowMs;
            _acceptance.Accept(message, now);
            Statistics.OrdersHeld++;
            if (nextHopCount <= hopLimit)
            {
                Schedule(FrameType.Order, id, null, message.Length, nextHopCount, hopLimit, sender, snrTenths, nowMs, sender != _config.NodeId, false);
            }
            return true;
        }

        // Relays a report signed by a station the council registered, once, with the next hop count.
        private bool AcceptReport(byte[] report, uint id, int sender, int snrTenths, long nowMs, int nextHopCount, int hopLimit)
        {
            if (report.Length > Frame.MaxPayload || !StationReportSignature.Verify(_acceptance.Registry, report, _ed))
            {
                Statistics.Rejected++;
                return false;
            }
            if (IsKnownReport(id))
            {
                return true;
            }
            RememberReport(id);
            _store.AppendSeen(id);
            if (nextHopCount <= hopLimit)
            {
                Statistics.ReportsRelayed++;
                Schedule(FrameType.Report, id, report, report.Length, nextHopCount, hopLimit, sender, snrTenths, nowMs, sender != _config.NodeId, false);
            }
            return true;
        }

        // A copy of something already held or queued: note who sent it, for the cancel rule.
        private void Duplicate(Frame frame, long nowMs)
        {
            Statistics.Duplicates++;
            for (int i = 0; i < _pending.Length; i++)
            {
                PendingMessage? p = _pending[i];
                if (p != null && p.MessageId == frame.MessageId)
                {
                    p.AddTransmitter(frame.Sender);
                    if (p.Repair && p.Next == 0)
                    {
                        // Someone else answered the request first.
                        _pending[i] = null;
                        Statistics.Cancelled++;
                    }
                }
            }
        }

        private void Schedule(int type, uint id, byte[]? message, int length, int hopCount, int hopLimit, int sender, int snrTenths, long nowMs, bool cancellable, bool repair)
        {
            PendingMessage pending = new PendingMessage(type, id, message, length, hopCount, hopLimit, nowMs, cancellable, repair);
            long firstFrameMs = Airtime(pending.NextFrameLength) / 1000;
            pending.AddTransmitter(sender);
            pending.SnrTenths = snrTenths;
            if (repair)
            {
                pending.DueMs = nowMs + RepairDelayMs(sender, firstFrameMs);
            }
            else if (sender != _config.NodeId)
            {
                pending.DueMs = nowMs + _policy.RebroadcastDelayMs(_config.NodeId, snrTenths, firstFrameMs,
                    pending.Transmitters, pending.TransmitterCount, _neighbours, nowMs, _random);
            }
            Enqueue(pending);
        }

        // Holders answering one request may not hear each other, and then their answers collide
        // at the asker. The asker's beacon lists who it hears (strongest first): a holder listed
        // at place i answers in the i-th of a row of slots two frames wide, so the holders it
        // hears best go first and one at a time; a holder it does not list, last.
        private long RepairDelayMs(int asker, long frameAirtimeMs)
        {
            long slot = 2 * (frameAirtimeMs + CoverageRebroadcastPolicy.GuardMs);
            if (slot < RepairJitterMs)
            {
                slot = RepairJitterMs;
            }
            Neighbour? n = _neighbours.Find(asker);
            int place = 0;
            if (n != null && n.BeaconHeard)
            {
                place = n.Hears.Length;
                for (int i = 0; i < n.Hears.Length; i++)
                {
                    if (n.Hears[i] == _config.NodeId)
                    {
                        place = i;
                        break;
                    }
                }
            }
            return 300 + place * slot + _random.Next((int)slot);
        }

        // A fresh delay after a busy channel: a flood copy recomputes its rebroadcast delay with
        // what it has heard since (later when its listeners are covered meanwhile); anything
        // else waits a random time of up to two of its frames.
        private long Backoff(PendingMessage p, long nowMs)
        {
            long airtimeMs = Airtime(p.NextFrameLength) / 1000;
            if (p.Cancellable && !p.Repair)
            {
                return _policy.RebroadcastDelayMs(_config.NodeId, p.SnrTenths, airtimeMs, p.Transmitters, p.TransmitterCount, _neighbours, nowMs, _random);
            }
            return _random.Next((int)(2 * airtimeMs) + 1);
        }

        private void Enqueue(PendingMessage message)
        {
            int slot = -1;
            for (int i = 0; i < _pending.Length; i++)
            {
                PendingMessage? p = _pending[i];
                if (p == null)
                {
                    if (slot < 0)
                    {
                        slot = i;
                    }
                    continue;
                }
                if (p.MessageId == message.MessageId && p.Type == message.Type && p.Next == 0)
                {
                    return;
                }
            }
            if (slot < 0)
            {
                // Full: the least urgent message not yet begun gives way to a more urgent one.
                for (int i = 0; i < _pending.Length; i++)
                {
                    PendingMessage p = _pending[i]!;
                    if (p.Next == 0 && p.Priority > message.Priority && (slot < 0 || p.Priority > _pending[slot]!.Priority))
                    {
                        slot = i;
                    }
                }
                if (slot < 0)
                {
                    Statistics.QueueFull++;
                    return;
                }
            }
            _pending[slot] = message;
        }

        private void QueueBeacon(long nowMs)
        {
            _held.DropExpired(CouncilTime(nowMs));
            long since = nowMs - 3 * _config.BeaconIntervalMs;
            int[] hears = _neighbours.Reliable(since, _config.ReliableSnrTenths, Neighbour.MaxListed);
            if (hears.Length < CoverageRebroadcastPolicy.FewLinks)
            {
                // A node with few good links lists its best weak ones too: otherwise the relays it
                // depends on would not know it listens, and could fall silent with it unreached.
                hears = _neighbours.Reliable(since, int.MinValue, CoverageRebroadcastPolicy.FewLinks);
            }
            hears = WithBridges(hears, since);
            ByteWriter writer = new ByteWriter(48);
            bool callsign = _config.Callsign.Length > 0;
            writer.WriteByte(callsign ? 1 : 0);
            writer.WriteByte(_held.Count);
            writer.WriteUInt32(_held.Digest());
            writer.WriteByte(_config.BatteryCentivolts / 2 > 255 ? 255 : _config.BatteryCentivolts / 2);
            long headroom = _config.DutyCycle.HeadroomMicroseconds(nowMs);
            long limit = headroom + _config.DutyCycle.UsedMicroseconds(nowMs);
            writer.WriteByte(limit <= 0 || headroom > limit ? 100 : (int)(headroom * 100 / limit));
            writer.WriteByte(hears.Length);
            for (int i = 0; i < hears.Length; i++)
            {
                writer.WriteUInt16(hears[i]);
            }
            if (callsign)
            {
                writer.WriteText(_config.Callsign);
            }
            Enqueue(new PendingMessage(FrameType.Beacon, (uint)_random.Next(int.MaxValue), writer.ToArray(), 0, 0, 1, nowMs, false, false));
            Statistics.Beacons++;
        }

        // Weak links this node depends on, added to the list: a neighbour heard below the
        // reliable SNR with no other way to it through this node's neighbours (as far as beacons
        // tell) is the only way between the two neighbourhoods. Listing it tells it so, and the
        // covered-listeners rule then keeps it on air for this node (a bridge, in a sparse town).
        private int[] WithBridges(int[] hears, long since)
        {
            int[] result = new int[Neighbour.MaxListed];
            int count = 0;
            for (int i = 0; i < hears.Length && count < result.Length; i++)
            {
                result[count++] = hears[i];
            }
            for (int i = 0; i < _neighbours.Capacity && count < result.Length; i++)
            {
                Neighbour? w = _neighbours.At(i);
                if (w == null || w.LastHeardMs < since || !w.BeaconHeard || w.LastBeaconMs < since || w.SnrTenths >= _config.ReliableSnrTenths || Contains(hears, w.Id))
                {
                    continue;
                }
                // Another way between the two sides: a neighbour of this node that w hears, or
                // that hears w or one of the nodes w hears.
                bool shared = false;
                for (int j = 0; j < _neighbours.Capacity && !shared; j++)
                {
                    Neighbour? y = _neighbours.At(j);
                    if (y != null && y != w && y.LastHeardMs >= since)
                    {
                        shared = w.ListsNode(y.Id) || y.ListsNode(w.Id) || SharesAny(y.Hears, w.Hears, _config.NodeId);
                    }
                }
                if (!shared)
                {
                    result[count++] = w.Id;
                }
            }
            int[] trimmed = new int[count];
            Array.Copy(result, trimmed, count);
            return trimmed;
        }

        private static bool SharesAny(int[] a, int[] b, int except)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != except && Contains(b, a[i]))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool Contains(int[] ids, int id)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] == id)
                {
                    return true;
                }
            }
            return false;
        }

        private void ReceiveBeacon(Frame frame, long nowMs)
        {
            Neighbour n = _neighbours.Find(frame.Sender)!;
            try
            {
                ByteReader reader = new ByteReader(frame.Payload, 0, frame.Payload.Length);
                int flags = reader.ReadByte("beacon flags");
                int held = reader.ReadByte("beacon held");
                uint digest = reader.ReadUInt32("beacon digest");
                int battery = reader.ReadByte("beacon battery");
                int headroom = reader.ReadByte("beacon headroom");
                int count = reader.ReadByte("beacon neighbours");
                if (count > Neighbour.MaxListed)
                {
                    throw new MalformedDataException("beacon lists " + count + " neighbours");
                }
                int[] hears = new int[count];
                for (int i = 0; i < count; i++)
                {
                    hears[i] = reader.ReadUInt16("beacon neighbour");
                }
                string callsign = (flags & 1) != 0 ? reader.ReadText("beacon callsign", 16) : "";
                reader.ExpectEnd("beacon");
                n.Hears = hears;
                n.Digest = digest;
                n.HeldCount = held;
                n.BatteryCentivolts = battery * 2;
                n.DutyHeadroomPercent = headroom;
                n.Callsign = callsign;
                n.LastBeaconMs = nowMs;
                n.BeaconHeard = true;
            }
            catch (MalformedDataException)
            {
                Statistics.Malformed++;
                return;
            }
            // While an order is still flooding, digests differ for a moment everywhere; repair
            // only starts once this node's own holdings have been still for a while.
            if (_policy.StoreAndForward && n.Digest != _held.Digest() && nowMs - _heldChangedMs >= _config.RepairSettleMs)
            {
                QueueIds(FrameType.Inventory, nowMs, null);
            }
        }

        private void ReceiveInventory(Frame frame, long nowMs)
        {
            if (!_policy.StoreAndForward)
            {
                return;
            }
            uint[]? ids = ReadIds(frame);
            if (ids == null)
            {
                return;
            }
            uint[] missing = new uint[ids.Length];
            int missingCount = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                if (!_held.Holds(ids[i]))
                {
                    missing[missingCount++] = ids[i];
                }
            }
            if (missingCount > 0)
            {
                uint[] request = new uint[missingCount];
                Array.Copy(missing, request, missingCount);
                QueueIds(FrameType.Request, nowMs, request);
            }
            // It lacks something we hold: tell it what we have, so it can ask. Not while an
            // order we took in lately may still be flooding: the flood is likely to reach it,
            // and a repair now would only contend with the flood for the channel.
            if (nowMs - _heldChangedMs < _config.RepairSettleMs)
            {
                return;
            }
            for (int i = 0; i < _held.Count; i++)
            {
                if (!Contains(ids, _held.IdAt(i)))
                {
                    QueueIds(FrameType.Inventory, nowMs, null);
                    break;
                }
            }
        }

        private void ReceiveRequest(Frame frame, long nowMs)
        {
            if (!_policy.StoreAndForward)
            {
                return;
            }
            uint[]? ids = ReadIds(frame);
            if (ids == null)
            {
                return;
            }
            for (int i = 0; i < ids.Length; i++)
            {
                int length = HeldLength(ids[i]);
                // Each order is served at most once every quarter repair interval (the pace at which
                // a node may ask), however often it is asked for: forged requests cannot drain airtime.
                if (length > 0 && !ServedRecently(ids[i], nowMs))
                {
                    Schedule(FrameType.Order, ids[i], null, length, 0, _config.HopLimit, frame.Sender, 0, nowMs, true, true);
                }
            }
        }

        private void QueueIds(int type, long nowMs, uint[]? ids)
        {
            if (type == FrameType.Inventory)
            {
                if (nowMs - _lastInventoryMs < _config.RepairIntervalMs)
                {
                    return;
                }
                _lastInventoryMs = nowMs;
                ids = new uint[_held.Count < MaxIdsPerFrame ? _held.Count : MaxIdsPerFrame];
                for (int i = 0; i < ids.Length; i++)
                {
                    ids[i] = _held.IdAt(i);
                }
            }
            else
            {
                if (nowMs - _lastRequestMs < _config.RepairIntervalMs / 4)
                {
                    return;
                }
                _lastRequestMs = nowMs;
            }
            int count = ids!.Length < MaxIdsPerFrame ? ids.Length : MaxIdsPerFrame;
            byte[] payload = new byte[1 + 4 * count];
            payload[0] = (byte)count;
            for (int i = 0; i < count; i++)
            {
                Bytes.WriteUInt32LittleEndian(payload, 1 + 4 * i, ids[i]);
            }
            uint id = (uint)_random.Next(int.MaxValue);
            long jitter = 200 + _random.Next(2000);
            Enqueue(new PendingMessage(type, id, payload, 0, 0, 1, nowMs + jitter, false, false));
            if (type == FrameType.Inventory)
            {
                Statistics.Inventories++;
            }
            else
            {
                Statistics.Requests++;
            }
        }

        private uint[]? ReadIds(Frame frame)
        {
            int count = frame.Payload[0];
            if (count > MaxIdsPerFrame || frame.Payload.Length != 1 + 4 * count)
            {
                Statistics.Malformed++;
                return null;
            }
            uint[] ids = new uint[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = Bytes.ReadUInt32LittleEndian(frame.Payload, 1 + 4 * i);
            }
            return ids;
        }

        private long Airtime(int frameBytes)
        {
            return LoRaAirtime.TimeOnAirMicroseconds(_config.Modulation, frameBytes);
        }

        private uint CouncilTime(long nowMs)
        {
            long seconds = (nowMs + _config.CouncilEpochOffsetMs) / 1000;
            return seconds < 0 ? 0 : seconds >= 0xffffffffL ? 0xfffffffeu : (uint)seconds;
        }

        private bool ServedRecently(uint id, long nowMs)
        {
            int oldest = 0;
            for (int i = 0; i < _servedIds.Length; i++)
            {
                if (_servedIds[i] == id && nowMs - _servedAtMs[i] < _config.RepairIntervalMs / 4)
                {
                    return true;
                }
                if (_servedAtMs[i] < _servedAtMs[oldest])
                {
                    oldest = i;
                }
            }
            _servedIds[oldest] = id;
            _servedAtMs[oldest] = nowMs;
            return false;
        }

        private bool IsKnownReport(uint id)
        {
            int count = _seenReportCount < SeenReportCapacity ? _seenReportCount : SeenReportCapacity;
            for (int i = 0; i < count; i++)
            {
                if (_seenReports[i] == id)
                {
                    return true;
                }
            }
            return false;
        }

        private void RememberReport(uint id)
        {
            _seenReports[_seenReportCount % SeenReportCapacity] = id;
            _seenReportCount++;
        }

        // The length of a held order as its store keeps it; 0 when not held. An order the store
        // has forgotten (it keeps the newest) is forgotten here too, as it would be after a reboot.
        private int HeldLength(uint id)
        {
            if (!_held.Holds(id))
            {
                return 0;
            }
            int length = _store.OrderLength(id);
            if (length == 0)
            {
                _held.Remove(id);
            }
            return length;
        }

        // Compares the frame with the held order's bytes at its place, read from the store.
        private bool IsFragmentOf(Frame frame, int messageLength)
        {
            int start = frame.FragmentIndex * Frame.MaxPayload;
            if (frame.FragmentCount != Frame.FragmentCountOf(messageLength) || start >= messageLength)
            {
                return false;
            }
            int size = Frame.FragmentLength(messageLength, frame.FragmentIndex) - Frame.HeaderSize;
            return frame.Payload.Length == size && _store.ReadOrder(frame.MessageId, start, _heldFragment, 0, size)
                && Bytes.FixedTimeEquals(frame.Payload, 0, _heldFragment, 0, size);
        }

        private static bool Contains(uint[] ids, uint id)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] == id)
                {
                    return true;
                }
            }
            return false;
        }

        private static Order? TryDecode(byte[] message)
        {
            try
            {
                return Order.Decode(message);
            }
            catch (MalformedDataException)
            {
                return null;
            }
        }
    }
}
