namespace Skold.Board.Kiosk
{
    /// <summary>
    /// A file that holds the journal on a file system (the ESP32's littlefs drive I:): the bytes
    /// written so far, growing at the end. Commit makes every write durable at once; a power cut
    /// before it leaves the file as at the last commit (littlefs's copy-on-write guarantee).
    /// </summary>
    public interface IJournalFile
    {
        /// <summary>Bytes in the file, including writes not yet committed.</summary>
        int Length { get; }

        void Read(int offset, byte[] buffer, int bufferOffset, int count);

        /// <summary>Writes at offset (at most Length: offset Length appends).</summary>
        void Write(int offset, byte[] data, int dataOffset, int count);

        void Commit();
    }
}
