using System;
using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The journal partition (IJournalStorage, NOR-flash rules) kept in a file that only grows:
    /// the file holds the written prefix of a partition of Size bytes, and everything past its
    /// end reads as erased (0xFF). The journal writes at its end, so the file is appended to;
    /// that matters on littlefs, where a file is a backwards skip-list of blocks and changing a
    /// block in the middle copies every block after it (littlefs DESIGN.md, "CTZ skip-lists"),
    /// while an append copies at most the last block. Sync commits: a record is durable when
    /// Sync returns, and a power cut before that leaves the file without it.
    /// </summary>
    public sealed class JournalFile : IJournalStorage
    {
        private const int PadBlock = 256;

        private readonly IJournalFile _file;

        public JournalFile(IJournalFile file, int size)
        {
            if (file.Length > size)
            {
                throw new ArgumentException("the journal file holds " + file.Length + " bytes, more than the " + size + "-byte partition: it was written by another firmware; sync it before changing the size");
            }
            _file = file;
            Size = size;
        }

        public int Size { get; }

        /// <summary>Writes that changed bytes already in the file (not appends): a torn entry being marked, nothing else.</summary>
        public int InPlaceWrites { get; private set; }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > Size)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "read outside the partition");
            }
            int length = _file.Length;
            int inFile = offset >= length ? 0 : (length - offset < count ? length - offset : count);
            if (inFile > 0)
            {
                _file.Read(offset, buffer, bufferOffset, inFile);
            }
            for (int i = inFile; i < count; i++)
            {
                buffer[bufferOffset + i] = 0xff;
            }
        }

        public void Write(int offset, byte[] data, int dataOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > Size)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "write outside the partition");
            }
            int length = _file.Length;
            if (offset > length)
            {
                // A gap reads as erased: make it so in the file, then append.
                byte[] erased = new byte[PadBlock];
                for (int i = 0; i < erased.Length; i++)
                {
                    erased[i] = 0xff;
                }
                while (length < offset)
                {
                    int n = offset - length < PadBlock ? offset - length : PadBlock;
                    _file.Write(length, erased, 0, n);
                    length += n;
                }
            }
            int existing = offset >= length ? 0 : (length - offset < count ? length - offset : count);
            if (existing > 0)
            {
                // Flash rules: a write only clears bits of what is there.
                byte[] cells = new byte[existing];
                _file.Read(offset, cells, 0, existing);
                for (int i = 0; i < existing; i++)
                {
                    cells[i] = (byte)(cells[i] & data[dataOffset + i]);
                }
                _file.Write(offset, cells, 0, existing);
                InPlaceWrites++;
            }
            if (count > existing)
            {
                _file.Write(offset + existing, data, dataOffset + existing, count - existing);
            }
        }

        public void Sync()
        {
            _file.Commit();
        }
    }
}
