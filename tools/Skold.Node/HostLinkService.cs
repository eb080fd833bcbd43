using Skold.Board.Node;
using Skold.HostLink;

namespace Skold.Node;

/// <summary>
/// The Linux node's host link: requests the socket server queued are served on the node loop's
/// thread by the same handler as the ESP32 image (Skold.Board.Node.HostLinkRequests), and heard
/// frames go to the host. This node keeps its host's clock (set time only checks that the two
/// agree) and has no self-test over the link (no LED or button; the radio is checked at start).
/// </summary>
public sealed class HostLinkService : IHostLinkNode
{
    private readonly RadioNode _node;
    private readonly HostLinkServer _server;
    private readonly HostLinkReplies _replies;
    private readonly HostLinkRequests _requests;

    public HostLinkService(RadioNode node, HostLinkServer server, int batteryMillivolts)
    {
        _node = node;
        _server = server;
        BatteryMillivolts = batteryMillivolts;
        _replies = new HostLinkReplies(server);
        _requests = new HostLinkRequests(_replies, this);
    }

    public void Attach() => _node.Heard = _replies.Heard;

    public void Serve(long nowMs)
    {
        while (_server.Requests.TryDequeue(out HostLinkFrame? request))
        {
            _requests.Serve(request, nowMs);
        }
    }

    public int NodeId => _node.NodeId;

    public RelayNode? Relay => _node.Loop;

    public string? Problem => null;

    public int BatteryMillivolts { get; }

    public bool KeepsOwnClock => true;

    public long ClockFloorSeconds => 0;

    public long CouncilSeconds(long nowMs) => (nowMs + _node.Config.CouncilEpochOffsetMs) / 1000;

    public void SetCouncilSeconds(long seconds, long nowMs) =>
        throw new InvalidOperationException("the Linux node keeps its host's clock");

    public SelfTestReport? RunSelfTest() => null;
}
