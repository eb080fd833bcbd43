using Skold.Station;

namespace Skold.Cli.Demo;

/// <summary>The power failing under a kiosk: once armed, the next write stops part-way, as flash does when the supply drops.</summary>
public sealed class PowerCutStorage(IJournalStorage inner) : IJournalStorage
{
    private int _bytesLeft = -1;

    public int Size => inner.Size;

    /// <summary>The power fails after this many more bytes have been written.</summary>
    public void Arm(int bytes) => _bytesLeft = bytes;

    public bool Cut { get; private set; }

    public void Read(int offset, byte[] buffer, int bufferOffset, int count) => inner.Read(offset, buffer, bufferOffset, count);

    public void Write(int offset, byte[] data, int dataOffset, int count)
    {
        if (Cut)
        {
            throw new PowerCutException();
        }
        if (_bytesLeft >= 0 && count > _bytesLeft)
        {
            inner.Write(offset, data, dataOffset, _bytesLeft);
            inner.Sync();
            Cut = true;
            throw new PowerCutException();
        }
        if (_bytesLeft >= 0)
        {
            _bytesLeft -= count;
        }
        inner.Write(offset, data, dataOffset, count);
    }

    public void Sync()
    {
        if (Cut)
        {
            throw new PowerCutException();
        }
        inner.Sync();
    }
}

public sealed class PowerCutException() : Exception("the power failed");
