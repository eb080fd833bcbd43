namespace Skold.Board.Storage
{
    /// <summary>
    /// The few file operations the board's stores need, on one flat folder of the board's flash
    /// (nanoFramework's System.IO.FileSystem on the ESP32's internal littlefs drive I:). Names are
    /// plain file names; the board adds the folder. A power cut may stop any Write or Append part
    /// way: the stores on top must survive that.
    /// </summary>
    public interface IFlashFiles
    {
        /// <summary>The whole file, or null when it does not exist. For small files only: it allocates the file's size.</summary>
        byte[]? Read(string name);

        /// <summary>Copies up to count bytes of the file from position; returns how many (0 past the end or when the file does not exist).</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>The file's length in bytes, -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Creates or replaces the file with these bytes, and flushes.</summary>
        void Write(string name, byte[] data, int offset, int count);

        /// <summary>Adds bytes at the end (creates the file when missing), and flushes.</summary>
        void Append(string name, byte[] data, int offset, int count);

        void Delete(string name);
    }
}
