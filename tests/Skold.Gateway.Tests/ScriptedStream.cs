namespace Skold.Gateway.Tests;

/// <summary>One connection of a ScriptedLink: chunks to read, then death or silence; keeps what was written.</summary>
internal sealed class ScriptedStream(byte[][] chunks, bool diesAtEnd) : Stream
{
    private readonly MemoryStream _written = new();
    private readonly ManualResetEventSlim _closed = new();
    private int _next;

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

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_next < chunks.Length)
        {
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
