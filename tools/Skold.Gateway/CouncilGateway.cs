using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.HostLink;
using Skold.Mesh;
using Skold.Station;

namespace Skold.Gateway;

/// <summary>
/// The council's gateway: checks every order against the council's policy (the same
/// OrderAcceptance a relay runs, with its sequence floors and registry updates) before it goes
/// to the node, keeps refusals with their reason, hands accepted orders to the node link and
/// records the node's answers, and stores everything the node hears: frames, beacons, verified
/// station reports, orders relayed by others, and the node's status. It sets the node's clock to
/// council time whenever the link connects (an ESP32 board has none) and keeps the node's answer.
/// </summary>
public sealed class CouncilGateway
{
    private readonly GatewayStore _store;
    private readonly NodeLink? _link;
    private readonly Action<string> _log;
    private readonly Func<DateTimeOffset> _clock;
    private readonly Lock _gate = new();
    private readonly OrderAcceptance _acceptance;
    private readonly Ed25519 _ed = new();
    private readonly Reassembler _reassembler = new(4, 10 * 60 * 1000);

    public CouncilGateway(CouncilRegistry registry, GatewayStore store, NodeLink? link, Action<string> log, Func<DateTimeOffset>? clock = null)
    {
        _store = store;
        _link = link;
        _log = log;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        _acceptance = new OrderAcceptance(registry, _ed);
        Restore();
        if (link is not null)
        {
            link.CouncilTime = () => CouncilNow;
            link.FrameReceived += OnFrame;
            link.Answered += OnAnswered;
        }
    }

    public GatewayStore Store => _store;

    public NodeLink? Link => _link;

    /// <summary>The registry in force, with the registry updates accepted so far.</summary>
    public CouncilRegistry Registry
    {
        get
        {
            lock (_gate)
            {
                return _acceptance.Registry;
            }
        }
    }

    private long NowMs => _clock().ToUnixTimeMilliseconds();

    private uint CouncilNow => SkoldTime.FromUnixSeconds(_clock().ToUnixTimeSeconds());

    /// <summary>
    /// Checks an order against the council's policy and, when it passes, queues it for the node.
    /// A refusal is kept with its reason and the order never reaches the node. Sending the same
    /// order again is not an error: it is already on its way.
    /// </summary>
    public SubmitResult Submit(byte[] data, string origin)
    {
        long now = NowMs;
        uint? id = data.Length > 0 ? Frame.MessageIdOf(data) : null;
        AcceptanceResult result;
        lock (_gate)
        {
            StoredOrder? known = id is null ? null : _store.Orders().FirstOrDefault(o => o.MessageId == id);
            if (known is not null)
            {
                return new SubmitResult(true, id, RejectionReason.None, $"already known ({known.Origin}, {known.State}); not sent again");
            }
            if (data.Length > HostLinkFrame.MaxPayload)
            {
                return Refuse(now, origin, id, RejectionReason.Malformed, RejectionReason.Describe(RejectionReason.Malformed) + $": {data.Length} bytes is more than the host link carries ({HostLinkFrame.MaxPayload})", data);
            }
            result = _acceptance.Accept(data, CouncilNow);
            if (!result.Accepted)
            {
                string why = Reason(result);
                return Refuse(now, origin, id, result.Reason, why, data);
            }
            Order order = result.Order!;
            _store.AddOrder(new StoredOrder(id!.Value, order.Kind, order.Sequence, order.Expires, Describe(order), data, origin, now, "queued", null, null));
        }
        _log($"order {id:x8} ({Describe(result.Order!)}) from {origin}: meets the council's policy; " +
            (_link is { Connected: true } ? "sent to the node" : "queued until the node is connected"));
        _link?.Send(new HostLinkFrame(HostLinkFrame.SendOrder, data));
        return new SubmitResult(true, id, RejectionReason.None, "meets the council's policy; sent to the node");
    }

    private SubmitResult Refuse(long now, string origin, uint? id, int reason, string why, byte[] data)
    {
        _store.AddRefusal(new StoredRefusal(now, origin, id, reason, why, data));
        _log($"order {(id is null ? "(empty)" : id.Value.ToString("x8"))} from {origin} REFUSED, not sent: {why}");
        return new SubmitResult(false, id, reason, why);
    }

    /// <summary>"R8 policy not met: 1 valid signature(s) of 2 needed, ...": the code, then the most specific text there is.</summary>
    public static string Reason(AcceptanceResult result)
    {
        string general = RejectionReason.Describe(result.Reason);
        if (result.Detail.Length == 0)
        {
            return general;
        }
        string head = general[(general.IndexOf(' ') + 1)..].Split(':')[0];
        return result.Detail.StartsWith(head, StringComparison.Ordinal) ? "R" + result.Reason + " " + result.Detail : general + ": " + result.Detail;
    }

    /// <summary>A short description of an order for the log and the picture.</summary>
    public static string Describe(Order order)
    {
        string what = OrderKind.Name(order.Kind) + " #" + order.Sequence;
        return order.Body is AlertBody alert ? what + ": " + alert.Text : what;
    }

    // After a restart the policy state (sequence floors, registry updates) is rebuilt from the
    // orders kept, and orders the node never answered are sent again.
    private void Restore()
    {
        uint now = CouncilNow;
        foreach (StoredOrder order in _store.Orders())
        {
            _acceptance.Restore(order.Data, now);
            if (order.State == "queued" && _link is not null)
            {
                _link.Send(new HostLinkFrame(HostLinkFrame.SendOrder, order.Data));
            }
        }
    }

    private void OnAnswered(HostLinkFrame request, int result, string reason)
    {
        if (request.Type == HostLinkFrame.SetTime && request.Payload.Length == 4)
        {
            // A refusal is worth a warning in the log (the node's clock disagrees), never a stop.
            uint sent = Skold.Bytes.ReadUInt32BigEndian(request.Payload, 0);
            _store.AddTimeAnswer(new StoredTimeAnswer(NowMs, sent, result, reason));
            string when = DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(sent)).ToString("u");
            _log(result == 0
                ? $"node clock: council time {when} accepted ({reason})"
                : $"node clock: WARNING: the node refused council time {when}: {reason}; it checks orders by its own clock");
            return;
        }
        if (request.Type != HostLinkFrame.SendOrder)
        {
            return;
        }
        uint id = Frame.MessageIdOf(request.Payload);
        string state = result == 0 ? "accepted" : "refused by node";
        _store.SetOrderState(id, state, reason, NowMs);
        _log($"order {id:x8}: the node answered: {state} ({reason})");
    }

    private void OnFrame(HostLinkFrame frame)
    {
        long now = NowMs;
        try
        {
            switch (frame.Type)
            {
                case HostLinkFrame.Heard:
                    OnHeard(frame.Payload, now);
                    break;
                case HostLinkFrame.Status:
                    _store.AddStatus(now, NodeStatus.Decode(frame.Payload));
                    break;
            }
        }
        catch (MalformedDataException e)
        {
            _log($"link: a malformed frame of type 0x{frame.Type:x2} from the node: {e.Message}");
        }
    }

    private void OnHeard(byte[] payload, long now)
    {
        if (payload.Length < 4)
        {
            throw new MalformedDataException($"a heard frame of {payload.Length} bytes has no RSSI and SNR");
        }
        int rssi = (short)((payload[0] << 8) | payload[1]);
        int snr = (short)((payload[2] << 8) | payload[3]);
        byte[] bytes = payload[4..];
        Frame air;
        try
        {
            air = Frame.Decode(bytes, 0, bytes.Length);
        }
        catch (MalformedDataException)
        {
            _store.AddHeard(now, rssi, snr, null, null, null, null, bytes);
            return;
        }
        _store.AddHeard(now, rssi, snr, air.Type, air.Sender, air.MessageId, air.HopCount, bytes);
        switch (air.Type)
        {
            case FrameType.Beacon:
                try
                {
                    _store.AddBeacon(now, air.Sender, Beacon.Decode(air.Payload), rssi, snr);
                }
                catch (MalformedDataException e)
                {
                    _log($"beacon from node {air.Sender} is malformed: {e.Message}");
                }
                break;
            case FrameType.Report:
                OnReport(air, now);
                break;
            case FrameType.Order:
                _store.AddRelayed(air.Sender, air.MessageId, now);
                OnOrderFragment(air, now);
                break;
        }
    }

    private void OnReport(Frame air, long now)
    {
        byte[] sealedReport = air.Payload;
        int station = sealedReport.Length >= 2 ? StationReportSignature.StationOf(sealedReport) : -1;
        bool verified;
        lock (_gate)
        {
            verified = StationReportSignature.Verify(_acceptance.Registry, sealedReport, _ed);
        }
        StationReport? report = null;
        if (verified)
        {
            try
            {
                report = StationReport.Decode(sealedReport, 2, sealedReport.Length - StationReportSignature.Overhead);
            }
            catch (MalformedDataException e)
            {
                _log($"station {station}: a signed report that does not decode: {e.Message}");
            }
        }
        string? items = report is null ? null : string.Join(";", report.ItemCodes.Select((code, i) => $"{code}:{report.Stock[i]}:{report.LentOut[i]}"));
        bool fresh = _store.AddReport(new StoredReport(air.MessageId, now, station, verified && report is not null, report?.Time, report?.JournalRecords,
            report?.BatteryMillivolts, report?.HouseholdsServed, report?.HandOuts, report?.Exceptions, items, air.Sender, sealedReport));
        if (fresh)
        {
            _log(verified
                ? $"station {station} reports (via node {air.Sender}): {report?.HouseholdsServed} households served, battery {report?.BatteryMillivolts} mV"
                : $"station {station}: a report whose signature does not verify against the council's station keys (kept, not shown as valid)");
        }
    }

    private void OnOrderFragment(Frame air, long now)
    {
        byte[]? message = _reassembler.Add(air, now);
        if (message is null)
        {
            return;
        }
        lock (_gate)
        {
            if (_store.Orders().Any(o => o.MessageId == air.MessageId))
            {
                return;
            }
            AcceptanceResult result = _acceptance.Accept(message, CouncilNow);
            if (!result.Accepted)
            {
                _log($"heard order {air.MessageId:x8} from node {air.Sender} that this gateway does not accept: {RejectionReason.Describe(result.Reason)}");
                return;
            }
            _store.AddOrder(new StoredOrder(air.MessageId, result.Order!.Kind, result.Order.Sequence, result.Order.Expires, Describe(result.Order), message,
                "heard from node " + air.Sender, now, "heard", null, null));
        }
        _log($"heard order {air.MessageId:x8} on air from node {air.Sender}");
    }
}
