// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.IO.FileSystem 1.1.93 (File.Exists, File.Delete, File.Move,
// FileStream(string, FileMode, FileAccess), Read, Write, Seek, Flush, Length, Dispose),
// nanoFramework.System.IO.Streams 1.1.96 (SeekOrigin).
using System;
using System.IO;
using Skold.Station;

namespace Skold.Kiosk.Board
{
    /// <summary>
    /// The journal partition as one preallocated file on the ESP32's internal drive I: (a littlefs
    /// partition in nanoFramework's ESP32 firmware), with NOR-flash rules on top (a write only
    /// clears bits). Power-cut guarantee: a record is durable once Sync returns, because Sync
    /// closes the file: nanoFramework's littlefs driver maps FileStream.Flush to a C fflush (which
    /// only reaches littlefs's cache) but Close to fclose, and littlefs commits a file on close
    /// atomically (copy-on-write; a cut before the commit leaves the file as at the last close).
    /// The journal's own torn-entry handling (docs/formats/journal.md) covers anything else.
    /// Relies on: nf-interpreter targets/ESP32/_littlefs/littlefs_FS_Driver.cpp (Flush = fflush,
    /// Close = fclose) and littlefs's power-loss resilience.
    /// </summary>
    public sealed class FlashJournalStorage : IJournalStorage
    {
        private const int Block = 1024;

        private readonly string _path;
        private FileStream? _file;

        private FlashJournalStorage(string path, int size)
        {
            _path = path;
            Size = size;
        }

        public int Size { get; }

        /// <summary>Opens the journal file, or makes an erased one of size bytes (under another name, renamed when complete).</summary>
        public static FlashJournalStorage OpenOrCreate(string path, int size)
        {
            string fresh = path + ".new";
            if (File.Exists(fresh))
            {
                // A creation cut short by a power loss: it held nothing yet.
                File.Delete(fresh);
            }
            if (!File.Exists(path))
            {
                byte[] erased = new byte[Block];
                for (int i = 0; i < erased.Length; i++)
                {
                    erased[i] = 0xff;
                }
                using (FileStream file = new FileStream(fresh, FileMode.Create, FileAccess.Write))
                {
                    for (int written = 0; written < size; written += Block)
                    {
                        file.Write(erased, 0, size - written < Block ? size - written : Block);
                    }
                    file.Flush();
                }
                File.Move(fresh, path);
            }
            long length;
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                length = file.Length;
            }
            if (length != size)
            {
                throw new IOException("the journal file " + path + " is " + length + " bytes, this firmware expects " + size + ": call a technician (do not delete it: sync it first)");
            }
            return new FlashJournalStorage(path, size);
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
                    throw new IOException("the journal file ends at " + (offset + done));
                }
                done += read;
            }
        }

        public void Write(int offset, byte[] data, int dataOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > Size)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "write outside the partition");
            }
            byte[] cells = new byte[count];
            Read(offset, cells, 0, count);
            for (int i = 0; i < count; i++)
            {
                cells[i] = (byte)(cells[i] & data[dataOffset + i]);
            }
            FileStream file = Open();
            file.Seek(offset, SeekOrigin.Begin);
            file.Write(cells, 0, count);
        }

        public void Sync()
        {
            if (_file != null)
            {
                _file.Flush();
                // Close is the commit (see above); the next Read or Write opens the file again.
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
