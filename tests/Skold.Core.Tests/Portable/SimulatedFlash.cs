using System;
using Skold.Station;

namespace Skold.Tests.Portable
{
    /// <summary>Thrown by SimulatedFlash when its power is cut in the middle of a write.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException()
            : base("power cut")
        {
        }
    }

    /// <summary>
    /// NOR flash in memory: erased bytes are 0xFF, programming only clears bits, one byte per
    /// write step. Power can be cut before any step; the byte being programmed then keeps a
    /// random part of its change, as a real cell cut mid-program may.
    /// </summary>
    public sealed class SimulatedFlash : IJournalStorage
    {
        private readonly byte[] _cells;
        private int _stepsLeft = -1;
        private uint _random;

        public SimulatedFlash(int size)
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

        /// <summary>Bytes programmed since the flash was made.</summary>
        public int WriteSteps { get; private set; }

        public int Syncs { get; private set; }

        /// <summary>The next write step after `steps` more is cut; seed picks which bits the torn byte keeps.</summary>
        public void CutPowerAfter(int steps, uint seed)
        {
            _stepsLeft = steps;
            _random = seed | 1;
        }

        public void RestorePower()
        {
            _stepsLeft = -1;
        }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            Array.Copy(_cells, offset, buffer, bufferOffset, count);
        }

        public void Write(int offset, byte[] data, int dataOffset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > _cells.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "write outside the flash");
            }
            for (int i = 0; i < count; i++)
            {
                byte target = (byte)(_cells[offset + i] & data[dataOffset + i]);
                if (_stepsLeft == 0)
                {
                    int toClear = _cells[offset + i] & ~target;
                    _cells[offset + i] = (byte)(_cells[offset + i] & ~(toClear & (int)NextRandom()));
                    throw new PowerCutException();
                }
                if (_stepsLeft > 0)
                {
                    _stepsLeft--;
                }
                _cells[offset + i] = target;
                WriteSteps++;
            }
        }

        public void Sync()
        {
            Syncs++;
        }

        public byte Peek(int offset)
        {
            return _cells[offset];
        }

        /// <summary>Damage for tests: sets a byte to any value, as a failing cell or an editor would.</summary>
        public void Poke(int offset, byte value)
        {
            _cells[offset] = value;
        }

        private uint NextRandom()
        {
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            return _random;
        }
    }
}
