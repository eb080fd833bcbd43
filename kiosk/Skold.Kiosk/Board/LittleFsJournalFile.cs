// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.IO.FileSystem 1.1.93 (File.Exists, FileStream(string, FileMode,
// FileAccess), Read, Write, Seek, Flush, Length, Dispose), nanoFramework.System.IO.Streams 1.1.96 (SeekOrigin).
using System.IO;
using Skold.Board.Kiosk;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// The journal's file on the ESP32's internal drive I: (littlefs), under Skold.Board.Kiosk.JournalFile
    /// (which appends only and reads past the end as erased). Commit closes the file: in
    /// nanoFramework's ESP32 littlefs driver FileStream.Flush is a C fflush, which only reaches
    /// littlefs's cache, while Close is fclose, which commits the file atomically
    /// (nf-interpreter targets/ESP32/_littlefs/littlefs_FS_Driver.cpp; kiosk/README.md).
    /// The next Read or Write opens it again.
    /// </summary>
    public sealed class LittleFsJournalFile : IJournalFile
    {
        private readonly string _path;
        private FileStream? _file;
        private int _length;

        public LittleFsJournalFile(string path)
        {
            _path = path;
            if (!File.Exists(path))
            {
                // An empty journal: nothing committed yet.
                using (FileStream created = new FileStream(path, FileMode.Create, FileAccess.Write))
                {
                    created.Flush();
                }
            }
            _length = (int)Open().Length;
        }

        public int Length
        {
            get { return _length; }
        }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            FileStream file = Open();
            file.Seek(offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int read = file.Read(buffer, bufferOffset + done, count - done);
                if (read <= 0)
                {
                    throw new IOException("the journal file ends at " + (offset + done) + ", not " + (offset + count));
                }
                done += read;
            }
        }

        public void Write(int offset, byte[] data, int dataOffset, int count)
        {
            FileStream file = Open();
            file.Seek(offset, SeekOrigin.Begin);
            file.Write(data, dataOffset, count);
            if (offset + count > _length)
            {
                _length = offset + count;
            }
        }

        public void Commit()
        {
            if (_file != null)
            {
                _file.Flush();
                _file.Dispose();
                _file = null;
            }
        }

        private FileStream Open()
        {
            if (_file == null)
            {
                _file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite);
            }
            return _file;
        }
    }
}
