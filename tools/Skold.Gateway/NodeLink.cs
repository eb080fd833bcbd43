using System.Net.Sockets;
using Skold.HostLink;

namespace Skold.Gateway;

/// <summary>
/// Keeps the host link to one node open (docs/formats/host-link.md): reads frames on its own
/// thread, reconnects with a growing pause (0.5 s doubling to MaxBackoff) when the cable is pulled
/// or the node restarts, and sends again every request the node has not answered yet. Answers
/// carry no request number: the node serves requests in order, so an answer goes to the oldest
/// open request of its type. A frame cut off by a pulled cable is dropped (its CRC fails or it
/// never ends) and decoding starts fresh on the new connection. With CouncilTime set, every
/// connection starts with a set-time request (an ESP32 board has no clock of its own), sent before
/// the requests sent again so that the node checks them at the right time.
/// </summary>
public sealed class NodeLink : IDisposable
{
    private readonly ILinkConnector _connector;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private readonly List<HostLinkFrame> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private Stream? _stream;
    private int _rejectedBefore;
    private HostLinkDecoder _decoder = new();

    public NodeLink(ILinkConnector connector, Action<string> log)
    {
        _connector = connector;
        _log = log;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "node-link " + connector.Name };
    }

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Council time now (SkoldTime seconds), sent to the node as set time on each connection; null sends none.</summary>
    public Func<uint>? CouncilTime { get; set; }

    /// <summary>Every frame from the node, on the link's reader thread.</summary>
    public event Action<HostLinkFrame>? FrameReceived;

    /// <summary>An answer matched to the request it answers: request, result code, reason text.</summary>
    public event Action<HostLinkFrame, int, string>? Answered;

    /// <summary>True on connect, false when the link is lost.</summary>
    public event Action<bool>? ConnectionChanged;

    public bool Connected
    {
        get
        {
            lock (_gate)
            {
                return _stream is not null;
            }
        }
    }

    /// <summary>How many times the link was (re)opened.</summary>
    public int Connections { get; private set; }

    /// <summary>Frames dropped for a bad CRC, a bad escape or their size, over all connections.</summary>
    public int Rejected => _rejectedBefore + _decoder.Rejected;

    /// <summary>Requests sent and not answered yet (they are sent again after a reconnect).</summary>
    public int OpenRequests
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    public string Name => _connector.Name;

    public void Start() => _reader.Start();

    /// <summary>
    /// Sends a request now if the link is up, else when it comes up. Orders and reports stay open
    /// until the node answers them; a ping is sent once (the status it asks for is not an answer).
    /// </summary>
    public void Send(HostLinkFrame request)
    {
        byte[] wire = HostLinkEncoder.Encode(request);
        lock (_gate)
        {
            if (request.Type != HostLinkFrame.Ping)
            {
                _open.Add(request);
            }
            Write(wire);
        }
    }

    private void Write(byte[] wire)
    {
        if (_stream is null)
        {
            return;
        }
        try
        {
            _stream.Write(wire, 0, wire.Length);
            _stream.Flush();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            // The reader notices the dead link too and reconnects; the request stays open.
            _log($"link {_connector.Name}: write failed ({e.Message}); will send again after reconnecting");
        }
    }

    private void ReadLoop()
    {
        TimeSpan backoff = InitialBackoff;
        bool reportedDown = false;
        while (!_stop.IsCancellationRequested)
        {
            Stream stream;
            try
            {
                stream = _connector.Connect();
            }
            catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                if (!reportedDown)
                {
                    _log($"link {_connector.Name}: cannot open ({e.Message}); retrying every {backoff.TotalSeconds:0.#} s up to {MaxBackoff.TotalSeconds:0} s");
                    reportedDown = true;
                }
                if (_stop.Token.WaitHandle.WaitOne(backoff))
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                continue;
            }
            backoff = InitialBackoff;
            reportedDown = false;
            int resent;
            lock (_gate)
            {
                _rejectedBefore += _decoder.Rejected;
                _decoder = new HostLinkDecoder();
                _stream = stream;
                Connections++;
                // A set time left unanswered on a dead connection is stale: a fresh one goes first.
                _open.RemoveAll(r => r.Type == HostLinkFrame.SetTime);
                resent = _open.Count;
                if (CouncilTime is not null)
                {
                    uint seconds = CouncilTime();
                    _open.Insert(0, new HostLinkFrame(HostLinkFrame.SetTime, [(byte)(seconds >> 24), (byte)(seconds >> 16), (byte)(seconds >> 8), (byte)seconds]));
                }
                foreach (HostLinkFrame request in _open)
                {
                    Write(HostLinkEncoder.Encode(request));
                }
                Write(HostLinkEncoder.Encode(new HostLinkFrame(HostLinkFrame.Ping, [])));
            }
            _log($"link {_connector.Name}: connected" + (resent > 0 ? $", sent again {resent} unanswered request(s)" : ""));
            ConnectionChanged?.Invoke(true);
            string why = Pump(stream);
            lock (_gate)
            {
                _stream = null;
            }
            stream.Dispose();
            if (_stop.IsCancellationRequested)
            {
                return;
            }
            _log($"link {_connector.Name}: lost ({why}); reconnecting");
            ConnectionChanged?.Invoke(false);
        }
    }

    private string Pump(Stream stream)
    {
        byte[] buffer = new byte[4096];
        try
        {
            while (true)
            {
                int read = stream.Read(buffer, 0, buffer.Length);
                if (read <= 0)
                {
                    return "the node closed the link";
                }
                for (int at = 0; at < read;)
                {
                    HostLinkFrame? frame = _decoder.Feed(buffer, at, read - at, out int used);
                    at += used;
                    if (frame is not null)
                    {
                        Dispatch(frame);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private void Dispatch(HostLinkFrame frame)
    {
        if (frame.Type == HostLinkFrame.Answer && frame.Payload.Length >= 2)
        {
            HostLinkFrame? request = null;
            lock (_gate)
            {
                int index = _open.FindIndex(r => r.Type == frame.Payload[0]);
                if (index >= 0)
                {
                    request = _open[index];
                    _open.RemoveAt(index);
                }
            }
            if (request is not null)
            {
                string reason = System.Text.Encoding.UTF8.GetString(frame.Payload, 2, frame.Payload.Length - 2);
                Answered?.Invoke(request, frame.Payload[1], reason);
            }
        }
        FrameReceived?.Invoke(frame);
    }

    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            _stream?.Dispose();
        }
        if (_reader.IsAlive)
        {
            _reader.Join(TimeSpan.FromSeconds(5));
        }
    }
}
