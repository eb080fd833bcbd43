using System.Collections.Concurrent;

namespace Skold.Gateway.Tests;

/// <summary>
/// A fake serial port: each connection delivers its bytes in the chunks given (so frames arrive
/// split and merged as a real UART delivers them), then either dies (the cable is pulled: the
/// read throws) or stays open, silent, until closed. What the gateway writes is kept.
/// </summary>
internal sealed class ScriptedLink : ILinkConnector
{
    private readonly ConcurrentQueue<ScriptedStream> _connections = new();

    public string Name => "fake-serial";

    public List<ScriptedStream> Opened { get; } = [];

    /// <summary>Connection attempts refused while no connection is queued (the node is unplugged).</summary>
    public int Refused { get; private set; }

    public ScriptedStream Queue(bool diesAtEnd, params byte[][] chunks)
    {
        var stream = new ScriptedStream(chunks, diesAtEnd);
        _connections.Enqueue(stream);
        return stream;
    }

    public Stream Connect()
    {
        if (!_connections.TryDequeue(out ScriptedStream? stream))
        {
            Refused++;
            throw new IOException("no such device (unplugged)");
        }
        lock (Opened)
        {
            Opened.Add(stream);
        }
        return stream;
    }
}
