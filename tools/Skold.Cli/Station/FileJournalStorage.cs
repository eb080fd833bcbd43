using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>
/// A journal partition in a file, with the flash's rules: a new file is all 0xFF, and a write
/// only clears bits. Sync flushes to the disk, so a committed record survives a host crash too.
/// </summary>
public sealed class FileJournalStorage : IJournalStorage, IDisposable
{
    public const int DefaultSize = 2 * 1024 * 1024;

    private readonly FileStream _file;

    private FileJournalStorage(FileStream file)
    {
        _file = file;
        Size = (int)Math.Min(file.Length, int.MaxValue);
    }

    public int Size { get; }

    /// <summary>Opens a journal file for writing, creating an erased one of `size` bytes when there is none.</summary>
    public static FileJournalStorage OpenOrCreate(string path, int size)
    {
        bool exists = File.Exists(path);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (!exists)
        {
            byte[] erased = new byte[64 * 1024];
            Array.Fill(erased, (byte)0xff);
            for (int written = 0; written < size; written += erased.Length)
            {
                file.Write(erased, 0, Math.Min(erased.Length, size - written));
            }
            file.Flush(true);
        }
        return new FileJournalStorage(file);
    }

    public static FileJournalStorage OpenReadOnly(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));

    public void Read(int offset, byte[] buffer, int bufferOffset, int count)
    {
        _file.Position = offset;
        _file.ReadExactly(buffer, bufferOffset, count);
    }

    public void Write(int offset, byte[] data, int dataOffset, int count)
    {
        byte[] cells = new byte[count];
        Read(offset, cells, 0, count);
        for (int i = 0; i < count; i++)
        {
            cells[i] &= data[dataOffset + i];
        }
        _file.Position = offset;
        _file.Write(cells, 0, count);
    }

    public void Sync() => _file.Flush(true);

    public void Dispose() => _file.Dispose();
}
