namespace Skold.Crypto
{
    /// <summary>
    /// Arithmetic modulo the group order L = 2^252 + 27742317777372353535851937790883648493
    /// (RFC 8032 section 5.1) on 32-byte little-endian scalars. Reduction and multiply-add
    /// run in constant time because signing feeds them secrets; the recodings used by
    /// verification (NAF) see only public scalars. Holds its own scratch: not thread-safe.
    /// </summary>
    internal sealed class Scalar25519
    {
        public const int Size = 32;

        // L as 32-bit words, least significant first.
        private static readonly uint[] Order =
        {
            0x5cf5d3edu, 0x5812631au, 0xa2f79cd6u, 0x14def9deu, 0u, 0u, 0u, 0x10000000u,
        };

        private readonly uint[] _wide = new uint[16];
        private readonly uint[] _a = new uint[8];
        private readonly uint[] _b = new uint[8];
        private readonly uint[] _remainder = new uint[9];
        private readonly uint[] _difference = new uint[9];
        private readonly uint[] _work = new uint[9];

        /// <summary>True when s (32 bytes at offset) is below L, as RFC 8032 requires of S.</summary>
        public static bool IsCanonical(byte[] s, int offset)
        {
            for (int i = 7; i >= 0; i--)
            {
                uint word = Bytes.ReadUInt32LittleEndian(s, offset + 4 * i);
                if (word < Order[i])
                {
                    return true;
                }
                if (word > Order[i])
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>output = input mod L, where input is 64 bytes little-endian (a SHA-512 digest).</summary>
        public void ReduceWide(byte[] output, int outputOffset, byte[] input, int inputOffset)
        {
            for (int i = 0; i < 16; i++)
            {
                _wide[i] = Bytes.ReadUInt32LittleEndian(input, inputOffset + 4 * i);
            }
            ReduceWideWords(output, outputOffset);
        }

        /// <summary>output = (a b + c) mod L, each a 32-byte little-endian scalar.</summary>
        public void MultiplyAdd(byte[] output, int outputOffset, byte[] a, int aOffset, byte[] b, int bOffset, byte[] c, int cOffset)
        {
            for (int i = 0; i < 8; i++)
            {
                _a[i] = Bytes.ReadUInt32LittleEndian(a, aOffset + 4 * i);
                _b[i] = Bytes.ReadUInt32LittleEndian(b, bOffset + 4 * i);
            }
            for (int i = 0; i < 16; i++)
            {
                _wide[i] = i < 8 ? Bytes.ReadUInt32LittleEndian(c, cOffset + 4 * i) : 0u;
            }
            for (int i = 0; i < 8; i++)
            {
                ulong carry = 0;
                for (int j = 0; j < 8; j++)
                {
                    ulong t = (ulong)_a[i] * _b[j] + _wide[i + j] + carry;
                    _wide[i + j] = (uint)t;
                    carry = t >> 32;
                }
                for (int k = i + 8; k < 16; k++)
                {
                    ulong t = (ulong)_wide[k] + carry;
                    _wide[k] = (uint)t;
                    carry = t >> 32;
                }
            }
            ReduceWideWords(output, outputOffset);
        }

        // Shift-and-subtract over all 512 bits of _wide: the remainder doubles, takes the next
        // bit, and L is subtracted whenever that does not borrow, chosen by mask, never by branch.
        private void ReduceWideWords(byte[] output, int outputOffset)
        {
            uint[] r = _remainder;
            uint[] t = _difference;
            for (int i = 0; i < 9; i++)
            {
                r[i] = 0;
            }
            for (int bit = 511; bit >= 0; bit--)
            {
                uint incoming = (_wide[bit >> 5] >> (bit & 31)) & 1u;
                for (int i = 8; i > 0; i--)
                {
                    r[i] = (r[i] << 1) | (r[i - 1] >> 31);
                }
                r[0] = (r[0] << 1) | incoming;

                long borrow = 0;
                for (int i = 0; i < 9; i++)
                {
                    long diff = (long)r[i] - (i < 8 ? Order[i] : 0u) - borrow;
                    t[i] = (uint)diff;
                    borrow = (diff >> 63) & 1;
                }
                // keep = all ones when r >= L (no borrow out of the top word).
                uint keep = (uint)(borrow - 1);
                for (int i = 0; i < 9; i++)
                {
                    r[i] = (t[i] & keep) | (r[i] & ~keep);
                }
            }
            for (int i = 0; i < 8; i++)
            {
                Bytes.WriteUInt32LittleEndian(output, outputOffset + 4 * i, r[i]);
            }
            for (int i = 0; i < 16; i++)
            {
                _wide[i] = 0;
            }
        }

        /// <summary>
        /// Width-w non-adjacent form of a public scalar below 2^256: digits[i] is zero or odd
        /// with |digits[i]| &lt; 2^(w-1), and the scalar is the sum of digits[i] 2^i.
        /// Returns the index of the highest non-zero digit, or -1 for zero. Variable time.
        /// </summary>
        public int NonAdjacentForm(sbyte[] digits, byte[] scalar, int offset, int width)
        {
            uint[] k = _work;
            for (int i = 0; i < 8; i++)
            {
                k[i] = Bytes.ReadUInt32LittleEndian(scalar, offset + 4 * i);
            }
            k[8] = 0;
            int window = 1 << width;
            int top = -1;
            for (int i = 0; i < digits.Length; i++)
            {
                int digit = 0;
                if ((k[0] & 1) != 0)
                {
                    digit = (int)(k[0] & (uint)(window - 1));
                    if (digit >= window >> 1)
                    {
                        digit -= window;
                    }
                    AddSmall(k, -digit);
                    top = i;
                }
                digits[i] = (sbyte)digit;
                for (int j = 0; j < 8; j++)
                {
                    k[j] = (k[j] >> 1) | (k[j + 1] << 31);
                }
                k[8] >>= 1;
            }
            return top;
        }

        private static void AddSmall(uint[] k, int value)
        {
            long carry = value;
            for (int i = 0; i < k.Length && carry != 0; i++)
            {
                long sum = k[i] + carry;
                k[i] = (uint)sum;
                carry = sum >> 32;
            }
        }

        /// <summary>
        /// Signed radix-16 digits of a scalar below 2^255: 64 digits in [-8, 8] with
        /// scalar = sum digits[i] 16^i. Constant time.
        /// </summary>
        public static void SignedRadix16(sbyte[] digits, byte[] scalar, int offset)
        {
            int carry = 0;
            for (int i = 0; i < 63; i++)
            {
                int b = scalar[offset + (i >> 1)];
                int digit = ((i & 1) == 0 ? b & 15 : b >> 4) + carry;
                carry = (digit + 8) >> 4;
                digits[i] = (sbyte)(digit - (carry << 4));
            }
            digits[63] = (sbyte)((scalar[offset + 31] >> 4) + carry);
        }
    }
}
