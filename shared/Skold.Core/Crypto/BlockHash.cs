using System;

namespace Skold.Crypto
{
    /// <summary>
    /// The buffering and padding shared by SHA-256 and SHA-512 (FIPS 180-4 section 5.1):
    /// the message, a 1 bit, zeros, and the message length in bits, big-endian, filling
    /// whole blocks. Subclasses supply the compression function and the digest.
    /// </summary>
    public abstract class BlockHash
    {
        private readonly byte[] _block;
        private readonly int _lengthFieldSize;
        private int _blockLength;
        private ulong _messageLength;

        protected BlockHash(int blockSize, int lengthFieldSize)
        {
            _block = new byte[blockSize];
            _lengthFieldSize = lengthFieldSize;
        }

        public abstract int HashSize { get; }

        public void Reset()
        {
            ResetState();
            _blockLength = 0;
            _messageLength = 0;
        }

        public void Update(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }
            Update(data, 0, data.Length);
        }

        public void Update(byte[] data, int offset, int count)
        {
            Bytes.CheckRange(data, offset, count);
            int blockSize = _block.Length;
            _messageLength += (ulong)count;
            while (count > 0)
            {
                if (_blockLength == 0 && count >= blockSize)
                {
                    Compress(data, offset);
                    offset += blockSize;
                    count -= blockSize;
                    continue;
                }
                int take = blockSize - _blockLength;
                if (take > count)
                {
                    take = count;
                }
                Array.Copy(data, offset, _block, _blockLength, take);
                _blockLength += take;
                offset += take;
                count -= take;
                if (_blockLength == blockSize)
                {
                    Compress(_block, 0);
                    _blockLength = 0;
                }
            }
        }

        /// <summary>Writes the digest at output[offset] and resets for the next message.</summary>
        public void Finish(byte[] output, int offset)
        {
            Bytes.CheckRange(output, offset, HashSize);
            int blockSize = _block.Length;
            _block[_blockLength++] = 0x80;
            if (_blockLength > blockSize - _lengthFieldSize)
            {
                Array.Clear(_block, _blockLength, blockSize - _blockLength);
                Compress(_block, 0);
                _blockLength = 0;
            }
            // Lengths here stay below 2^61 bytes, so the length field's high part is zero.
            Array.Clear(_block, _blockLength, blockSize - 8 - _blockLength);
            Bytes.WriteUInt64BigEndian(_block, blockSize - 8, _messageLength << 3);
            Compress(_block, 0);
            WriteDigest(output, offset);
            Reset();
        }

        /// <summary>A new array holding the digest of what was written so far; resets.</summary>
        public byte[] Finish()
        {
            byte[] digest = new byte[HashSize];
            Finish(digest, 0);
            return digest;
        }

        protected abstract void ResetState();

        protected abstract void Compress(byte[] block, int offset);

        protected abstract void WriteDigest(byte[] output, int offset);
    }
}
