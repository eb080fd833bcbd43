using System.Collections.Concurrent;
using System.Net.Sockets;
using Skold.Board.Node;
using Skold.HostLink;

namespace Skold.Node;

/// <summary>
/// The Linux node's host link (docs/formats/host-link.md) on a Unix domain socket: one host at a
/// time (the council's gateway); it can reconnect whenever it likes. Requests are queued for the
/// node loop's thread; frames to the host are written from any thread under a lock.
/// </summary>
public sealed class HostLinkServer : IHostLinkSink, IDisposable
{
    private readonly Socket _listener;
    private readonly string _path;
    private readonly Lock _sendGate = new();
    private readonly CancellationTokenSource _stop = new();
    private Socket? _client;

    public HostLinkServer(string path)
    {
        _path = path;
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(1);
        new Thread(AcceptLoop) { IsBackground = true, Name = "host-link" }.Start();
    }

    /// <summary>Frames the host sent, for the node loop to take.</summary>
    public ConcurrentQueue<HostLinkFrame> Requests { get; } = new();

    public bool Connected => _client is { Connected: true };

    public int Rejected { get; private set; }

    public void Send(HostLinkFrame frame)
    {
        byte[] wire = HostLinkEncoder.Encode(frame);
        lock (_sendGate)
        {
            try
            {
                _client?.Send(wire);
            }
            catch (SocketException)
            {
                // The host went away; it reconnects and hears what comes after.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            lock (_sendGate)
            {
                _client?.Dispose();
                _client = client;
            }
            var decoder = new HostLinkDecoder();
            byte[] buffer = new byte[4096];
            try
            {
                int read;
                while ((read = client.Receive(buffer)) > 0)
                {
                    for (int at = 0; at < read;)
                    {
                        HostLinkFrame? frame = decoder.Feed(buffer, at, read - at, out int used);
                        at += used;
                        if (frame is not null)
                        {
                            Requests.Enqueue(frame);
                        }
                    }
                    Rejected = decoder.Rejected;
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        lock (_sendGate)
        {
            _client?.Dispose();
        }
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
