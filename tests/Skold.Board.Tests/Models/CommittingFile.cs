using Skold.Board.Kiosk;

namespace Skold.Board.Tests.Models;

/// <summary>
/// A file on littlefs as far as the journal can tell: writes go to a working copy, Commit makes
/// it the durable one, and a power cut (Cut) throws the working copy away. Counts how many bytes
/// each commit changed before the end of the committed file (what littlefs would copy again).
/// </summary>
public sealed class CommittingFile : IJournalFile
{
    private List<byte> _durable = [];
    private List<byte> _working = [];

    public int Length => _working.Count;

    public int DurableLength => _durable.Count;

    public int Commits { get; private set; }

    /// <summary>Throws on this write (1-based) as the power goes, before it lands.</summary>
    public int CutAtWrite { get; set; }

    public int Writes { get; private set; }

    public void Read(int offset, byte[] buffer, int bufferOffset, int count)
    {
        Assert.IsTrue(offset >= 0 && offset + count <= _working.Count, "reads stay inside the file");
        _working.CopyTo(offset, buffer, bufferOffset, count);
    }

    public void Write(int offset, byte[] data, int dataOffset, int count)
    {
        Writes++;
        if (Writes == CutAtWrite)
        {
            throw new PowerCut();
        }
        Assert.IsTrue(offset >= 0 && offset <= _working.Count, "writes start inside the file or at its end");
        for (int i = 0; i < count; i++)
        {
            if (offset + i < _working.Count)
            {
                _working[offset + i] = data[dataOffset + i];
            }
            else
            {
                _working.Add(data[dataOffset + i]);
            }
        }
    }

    public void Commit()
    {
        _durable = [.. _working];
        Commits++;
    }

    /// <summary>The power goes: what was not committed is gone.</summary>
    public void Cut()
    {
        _working = [.. _durable];
        Writes = 0;
        CutAtWrite = 0;
    }

    public sealed class PowerCut : Exception
    {
    }
}
