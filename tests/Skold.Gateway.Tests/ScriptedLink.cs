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

internal sealed class ScriptedStream(byte[][] chunks, bool diesAtEnd) : Stream
{
    private readonly MemoryStream _written = new();
    private readonly ManualResetEventSlim _closed = new();
    private readonly SemaphoreSlim _release = new(0);
    private int _next;

    /// <summary>Set when the reader got every chunk; a test may hold the last chunk back with HoldBack and Release.</summary>
    public bool HoldBeforeLast { get; init; }

    public byte[] Written
    {
        get
        {
            lock (_written)
            {
                return _written.ToArray();
            }
        }
    }

    public bool Closed => _closed.IsSet;

    public void Release() => _release.Release();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_next < chunks.Length)
        {
            if (HoldBeforeLast && _next == chunks.Length - 1)
            {
                _release.Wait();
            }
            byte[] chunk = chunks[_next++];
            Array.Copy(chunk, 0, buffer, offset, chunk.Length);
            return chunk.Length;
        }
        if (diesAtEnd)
        {
            throw new IOException("Input/output error (the cable was pulled)");
        }
        _closed.Wait();
        throw new ObjectDisposedException("port closed");
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (_written)
        {
            _written.Write(buffer, offset, count);
        }
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        _closed.Set();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
