using Skold.Board.Storage;

namespace Skold.Board.Tests;

/// <summary>The power went out: thrown by FaultyFlash when its byte budget runs out.</summary>
public sealed class PowerCutException() : Exception("power cut");

/// <summary>
/// A flash file model that can lose power part way through any write: Write first truncates the
/// file (as FileMode.Create does), then bytes reach flash one by one until the budget runs out;
/// with Garbage on, the cut leaves a few half-programmed bytes behind as well. Reboot() is the
/// board coming back with what reached flash.
/// </summary>
public sealed class FaultyFlash : IFlashFiles
{
    private readonly Dictionary<string, List<byte>> _files = new();

    public long Budget { get; set; } = long.MaxValue;

    public bool Garbage { get; set; }

    public long BytesWritten { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>The most bytes one call read: whole files (Read(name)) count their length.</summary>
    public int LargestRead { get; private set; }

    public bool Failing { get; set; }

    public void Reboot() => Budget = long.MaxValue;

    public byte[]? Read(string name)
    {
        if (Failing)
        {
            throw new IOException("flash read error");
        }
        if (!_files.TryGetValue(name, out List<byte>? whole))
        {
            return null;
        }
        LargestRead = Math.Max(LargestRead, whole.Count);
        return whole.ToArray();
    }

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        if (Failing)
        {
            throw new IOException("flash read error");
        }
        if (!_files.TryGetValue(name, out List<byte>? file) || position >= file.Count)
        {
            return 0;
        }
        int n = Math.Min(count, file.Count - position);
        file.CopyTo(position, buffer, offset, n);
        BytesRead += n;
        LargestRead = Math.Max(LargestRead, n);
        return n;
    }

    public int Length(string name) => _files.TryGetValue(name, out List<byte>? file) ? file.Count : -1;

    public void Write(string name, byte[] data, int offset, int count)
    {
        _files[name] = [];
        Put(name, data, offset, count);
    }

    public void Append(string name, byte[] data, int offset, int count)
    {
        if (!_files.ContainsKey(name))
        {
            _files[name] = [];
        }
        Put(name, data, offset, count);
    }

    public void Delete(string name) => _files.Remove(name);

    public bool Exists(string name) => _files.ContainsKey(name);

    public void Corrupt(string name, int at) => _files[name][at] ^= 0x40;

    private void Put(string name, byte[] data, int offset, int count)
    {
        if (Failing)
        {
            throw new IOException("flash write error");
        }
        List<byte> file = _files[name];
        for (int i = 0; i < count; i++)
        {
            if (Budget <= 0)
            {
                if (Garbage)
                {
                    file.AddRange(new byte[] { 0xa5, 0xff, 0x00, 0x5a }[..Math.Min(4, count - i)]);
                }
                throw new PowerCutException();
            }
            Budget--;
            BytesWritten++;
            file.Add(data[offset + i]);
        }
    }
}
