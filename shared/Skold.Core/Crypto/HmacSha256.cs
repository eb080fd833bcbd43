using System;

namespace Skold.Crypto
{
    /// <summary>HMAC-SHA-256 (RFC 2104, FIPS 198-1) over our own SHA-256, for keyed pseudonyms.</summary>
    public sealed class HmacSha256
    {
        public const int MacSize = Sha256.DigestSize;
        private const int BlockSize = 64;

        private readonly byte[] _innerPad = new byte[BlockSize];
        private readonly byte[] _outerPad = new byte[BlockSize];
        private readonly byte[] _innerDigest = new byte[MacSize];
        private readonly Sha256 _sha = new Sha256();

        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }
            byte[] block = new byte[BlockSize];
            if (key.Length > BlockSize)
            {
                byte[] hashed = Sha256.Hash(key);
                Array.Copy(hashed, block, hashed.Length);
            }
            else
            {
                Array.Copy(key, block, key.Length);
            }
            for (int i = 0; i < BlockSize; i++)
            {
                _innerPad[i] = (byte)(block[i] ^ 0x36);
                _outerPad[i] = (byte)(block[i] ^ 0x5c);
            }
            Array.Clear(block, 0, BlockSize);
        }

        public byte[] Compute(byte[] message, int offset, int count)
        {
            _sha.Reset();
            _sha.Update(_innerPad);
            _sha.Update(message, offset, count);
            _sha.Finish(_innerDigest, 0);
            _sha.Update(_outerPad);
            _sha.Update(_innerDigest);
            byte[] mac = new byte[MacSize];
            _sha.Finish(mac, 0);
            return mac;
        }

        public byte[] Compute(byte[] message)
        {
            if (message == null)
            {
                throw new ArgumentNullException(nameof(message));
            }
            return Compute(message, 0, message.Length);
        }
    }
}
