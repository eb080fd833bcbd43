using System;

namespace Skold.Station
{
    /// <summary>A journal partition in RAM with the flash's rules, for tools, tests and benchmarks.</summary>
    public sealed class MemoryJournalStorage : IJournalStorage
    {
        private readonly byte[] _cells;

        public MemoryJournalStorage(int size)
        {
            _cells = new byte[size];
            for (int i = 0; i < size; i++)
            {
                _cells[i] = 0xff;
            }
        }

        public int Size
        {
            get { return _cells.Length; }
        }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            Array.Copy(_cells, offset, buffer, bufferOffset, count);
        }

        public void Write(int offset, byte[] data, int dataOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _cells.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "write outside the partition");
            }
            for (int i = 0; i < count; i++)
            {
                _cells[offset + i] = (byte)(_cells[offset + i] & data[dataOffset + i]);
            }
        }

        public void Sync()
        {
        }
    }
}
