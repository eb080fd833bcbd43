namespace Skold.Station
{
    /// <summary>
    /// The journal partition: flash on the board, a file on the host. It behaves like NOR
    /// flash: erased bytes read 0xFF and a write can only clear bits (new = old AND data), so
    /// the journal never rewrites what it committed. Write is durable when Sync returns.
    /// </summary>
    public interface IJournalStorage
    {
        int Size { get; }

        void Read(int offset, byte[] buffer, int bufferOffset, int count);

        void Write(int offset, byte[] data, int dataOffset, int count);

        void Sync();
    }
}
