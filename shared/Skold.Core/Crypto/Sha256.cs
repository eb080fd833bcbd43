using System;

namespace Skold.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4), incremental and allocation-free after construction.
    /// One instance hashes one message at a time; it is not thread-safe.
    /// </summary>
    public sealed class Sha256 : BlockHash
    {
        public const int DigestSize = 32;
        private const int BlockSize = 64;

        // FIPS 180-4 section 4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] RoundConstants =
        {
            0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
            0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
            0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
            0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
            0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
            0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
            0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
            0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
        };

        // FIPS 180-4 section 5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes.
        private static readonly uint[] InitialState =
        {
            0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au, 0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
        };

        private readonly uint[] _state = new uint[8];
        private readonly uint[] _schedule = new uint[64];

        public Sha256()
            : base(BlockSize, 8)
        {
            Reset();
        }

        public override int HashSize
        {
            get { return DigestSize; }
        }

        public static byte[] Hash(byte[] data)
        {
            Sha256 sha = new Sha256();
            sha.Update(data);
            return sha.Finish();
        }

        protected override void ResetState()
        {
            Array.Copy(InitialState, _state, 8);
        }

        protected override void WriteDigest(byte[] output, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                Bytes.WriteUInt32BigEndian(output, offset + 4 * i, _state[i]);
            }
        }

        protected override void Compress(byte[] block, int offset)
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++)
            {
                w[t] = Bytes.ReadUInt32BigEndian(block, offset + 4 * t);
            }
            for (int t = 16; t < 64; t++)
            {
                uint w15 = w[t - 15];
                uint w2 = w[t - 2];
                uint s0 = ((w15 >> 7) | (w15 << 25)) ^ ((w15 >> 18) | (w15 << 14)) ^ (w15 >> 3);
                uint s1 = ((w2 >> 17) | (w2 << 15)) ^ ((w2 >> 19) | (w2 << 13)) ^ (w2 >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int t = 0; t < 64; t++)
            {
                uint sum1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = h + sum1 + choose + RoundConstants[t] + w[t];
                uint sum0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = sum0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            _state[0] += a; _state[1] += b; _state[2] += c; _state[3] += d;
            _state[4] += e; _state[5] += f; _state[6] += g; _state[7] += h;
        }
    }
}
