namespace Skold.Crypto
{
    /// <summary>
    /// Arithmetic modulo p = 2^255 - 19 on elements held as ten signed limbs in radix 2^25.5:
    /// limb i weighs 2^ceil(25.5 i), even limbs carry 26 bits and odd limbs 25 bits.
    /// Multiply and Square load limbs into 64-bit locals, fold the part above 2^255 back in
    /// with 2^255 = 19 (mod p), and end with a rounding carry chain, so their outputs have
    /// |even limb| &lt;= 2^25 and |odd limb| &lt;= 2^24 (about). Add and Subtract do not carry:
    /// inputs to Multiply and Square may be sums or differences of up to four carried
    /// elements (limbs below 2^27), which keeps every 64-bit sum of products below 2^63.
    /// Nothing here branches on or indexes by the value of an element.
    /// </summary>
    internal static class Field25519
    {
        public const int Limbs = 10;

        public static int[] Create()
        {
            return new int[Limbs];
        }

        public static void Zero(int[] h)
        {
            for (int i = 0; i < Limbs; i++)
            {
                h[i] = 0;
            }
        }

        public static void One(int[] h)
        {
            Zero(h);
            h[0] = 1;
        }

        public static void Copy(int[] h, int[] f)
        {
            for (int i = 0; i < Limbs; i++)
            {
                h[i] = f[i];
            }
        }

        public static void Add(int[] h, int[] f, int[] g)
        {
            for (int i = 0; i < Limbs; i++)
            {
                h[i] = f[i] + g[i];
            }
        }

        public static void Subtract(int[] h, int[] f, int[] g)
        {
            for (int i = 0; i < Limbs; i++)
            {
                h[i] = f[i] - g[i];
            }
        }

        public static void Negate(int[] h, int[] f)
        {
            for (int i = 0; i < Limbs; i++)
            {
                h[i] = -f[i];
            }
        }

        /// <summary>h = g when move is 1, h unchanged when move is 0, in constant time.</summary>
        public static void ConditionalMove(int[] h, int[] g, int move)
        {
            int mask = -move;
            for (int i = 0; i < Limbs; i++)
            {
                h[i] ^= (h[i] ^ g[i]) & mask;
            }
        }

        /// <summary>Swaps f and g when swap is 1, in constant time.</summary>
        public static void ConditionalSwap(int[] f, int[] g, int swap)
        {
            int mask = -swap;
            for (int i = 0; i < Limbs; i++)
            {
                int x = (f[i] ^ g[i]) & mask;
                f[i] ^= x;
                g[i] ^= x;
            }
        }

        public static void Multiply(int[] h, int[] f, int[] g)
        {
            FieldOperationCounter.Multiplications++;
            long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
            long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
            long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
            long g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];

            // An odd limb times an odd limb lands one bit above its slot: double it.
            long f1_2 = 2 * f1, f3_2 = 2 * f3, f5_2 = 2 * f5, f7_2 = 2 * f7, f9_2 = 2 * f9;
            // Products at or above 2^255 wrap around times 19.
            long g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4, g5_19 = 19 * g5;
            long g6_19 = 19 * g6, g7_19 = 19 * g7, g8_19 = 19 * g8, g9_19 = 19 * g9;

            long h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19 + f5_2 * g5_19 + f6 * g4_19 + f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
            long h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
            long h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19 + f5_2 * g7_19 + f6 * g6_19 + f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
            long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
            long h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0 + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19 + f8 * g6_19 + f9_2 * g5_19;
            long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
            long h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2 + f5_2 * g1 + f6 * g0 + f7_2 * g9_19 + f8 * g8_19 + f9_2 * g7_19;
            long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
            long h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4 + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0 + f9_2 * g9_19;
            long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;

            Carry(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
        }

        public static void Square(int[] h, int[] f)
        {
            FieldOperationCounter.Squarings++;
            long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
            long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];

            long f0_2 = 2 * f0, f1_2 = 2 * f1, f2_2 = 2 * f2, f3_2 = 2 * f3, f4_2 = 2 * f4;
            long f5_2 = 2 * f5, f6_2 = 2 * f6, f7_2 = 2 * f7, f8_2 = 2 * f8, f9_2 = 2 * f9;
            long f5_19 = 19 * f5, f6_19 = 19 * f6, f7_19 = 19 * f7, f8_19 = 19 * f8, f9_19 = 19 * f9;
            long f7_38 = 38 * f7, f9_38 = 38 * f9;

            long h0 = f0 * f0 + f1_2 * f9_38 + f2_2 * f8_19 + f3_2 * f7_38 + f4_2 * f6_19 + f5_2 * f5_19;
            long h1 = f0_2 * f1 + f2_2 * f9_19 + f3_2 * f8_19 + f4_2 * f7_19 + f5_2 * f6_19;
            long h2 = f0_2 * f2 + f1_2 * f1 + f3_2 * f9_38 + f4_2 * f8_19 + f5_2 * f7_38 + f6 * f6_19;
            long h3 = f0_2 * f3 + f1_2 * f2 + f4_2 * f9_19 + f5_2 * f8_19 + f6_2 * f7_19;
            long h4 = f0_2 * f4 + f1_2 * f3_2 + f2 * f2 + f5_2 * f9_38 + f6_2 * f8_19 + f7_2 * f7_19;
            long h5 = f0_2 * f5 + f1_2 * f4 + f2_2 * f3 + f6_2 * f9_19 + f7_2 * f8_19;
            long h6 = f0_2 * f6 + f1_2 * f5_2 + f2_2 * f4 + f3_2 * f3 + f7_2 * f9_38 + f8 * f8_19;
            long h7 = f0_2 * f7 + f1_2 * f6 + f2_2 * f5 + f3_2 * f4 + f8_2 * f9_19;
            long h8 = f0_2 * f8 + f1_2 * f7_2 + f2_2 * f6 + f3_2 * f5_2 + f4 * f4 + f9_2 * f9_19;
            long h9 = f0_2 * f9 + f1_2 * f8 + f2_2 * f7 + f3_2 * f6 + f4_2 * f5;

            Carry(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
        }

        /// <summary>h = f^(2^n): n successive squarings.</summary>
        public static void SquareRepeatedly(int[] h, int[] f, int n)
        {
            Square(h, f);
            for (int i = 1; i < n; i++)
            {
                Square(h, h);
            }
        }

        // Rounding carries keep limbs signed and small. Two chains run interleaved
        // (0..4 and 4..9) so no intermediate grows past 64 bits.
        private static void Carry(int[] h, long h0, long h1, long h2, long h3, long h4,
                                  long h5, long h6, long h7, long h8, long h9)
        {
            long c;
            c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
            c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
            c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
            c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
            c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
            c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
            c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
            c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
            c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
            c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
            c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
            c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;

            h[0] = (int)h0; h[1] = (int)h1; h[2] = (int)h2; h[3] = (int)h3; h[4] = (int)h4;
            h[5] = (int)h5; h[6] = (int)h6; h[7] = (int)h7; h[8] = (int)h8; h[9] = (int)h9;
        }

        /// <summary>
        /// Reads 255 bits little-endian (the top bit of byte 31 is ignored). Values from p to
        /// 2^255 - 1 are not rejected here: they act as their residue mod p.
        /// </summary>
        public static void FromBytes(int[] h, byte[] s, int offset)
        {
            long h0 = Load(s, offset, 0, 26);
            long h1 = Load(s, offset, 26, 25);
            long h2 = Load(s, offset, 51, 26);
            long h3 = Load(s, offset, 77, 25);
            long h4 = Load(s, offset, 102, 26);
            long h5 = Load(s, offset, 128, 25);
            long h6 = Load(s, offset, 153, 26);
            long h7 = Load(s, offset, 179, 25);
            long h8 = Load(s, offset, 204, 26);
            long h9 = Load(s, offset, 230, 25);
            Carry(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
        }

        private static long Load(byte[] s, int offset, int bit, int width)
        {
            int first = offset + (bit >> 3);
            long v = 0;
            int available = 32 - (bit >> 3);
            int take = available < 5 ? available : 5;
            for (int i = take - 1; i >= 0; i--)
            {
                v = (v << 8) | s[first + i];
            }
            return (v >> (bit & 7)) & ((1L << width) - 1);
        }

        /// <summary>Writes the unique representative in [0, p) as 32 bytes little-endian.</summary>
        public static void ToBytes(byte[] s, int offset, int[] h)
        {
            long h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4];
            long h5 = h[5], h6 = h[6], h7 = h[7], h8 = h[8], h9 = h[9];

            // q = floor(h / p), which is -1, 0 or 1 for a carried h: it is the top carry of
            // h + 19 q, with q first estimated from h9 alone (19 h9 / 2^25, rounded).
            long q = (19 * h9 + (1L << 24)) >> 25;
            q = (h0 + q) >> 26;
            q = (h1 + q) >> 25;
            q = (h2 + q) >> 26;
            q = (h3 + q) >> 25;
            q = (h4 + q) >> 26;
            q = (h5 + q) >> 25;
            q = (h6 + q) >> 26;
            q = (h7 + q) >> 25;
            q = (h8 + q) >> 26;
            q = (h9 + q) >> 25;

            // h - q p = h + 19 q - q 2^255: add 19 q, carry exactly (floor), drop bit 255.
            h0 += 19 * q;
            long c;
            c = h0 >> 26; h1 += c; h0 -= c << 26;
            c = h1 >> 25; h2 += c; h1 -= c << 25;
            c = h2 >> 26; h3 += c; h2 -= c << 26;
            c = h3 >> 25; h4 += c; h3 -= c << 25;
            c = h4 >> 26; h5 += c; h4 -= c << 26;
            c = h5 >> 25; h6 += c; h5 -= c << 25;
            c = h6 >> 26; h7 += c; h6 -= c << 26;
            c = h7 >> 25; h8 += c; h7 -= c << 25;
            c = h8 >> 26; h9 += c; h8 -= c << 26;
            c = h9 >> 25; h9 -= c << 25;

            for (int i = 0; i < 32; i++)
            {
                s[offset + i] = 0;
            }
            Store(s, offset, 0, h0, 26);
            Store(s, offset, 26, h1, 25);
            Store(s, offset, 51, h2, 26);
            Store(s, offset, 77, h3, 25);
            Store(s, offset, 102, h4, 26);
            Store(s, offset, 128, h5, 25);
            Store(s, offset, 153, h6, 26);
            Store(s, offset, 179, h7, 25);
            Store(s, offset, 204, h8, 26);
            Store(s, offset, 230, h9, 25);
        }

        // ORs a limb of width bits (already in [0, 2^width)) into place; the byte count
        // depends only on the position, never on the value.
        private static void Store(byte[] s, int offset, int bit, long limb, int width)
        {
            long v = limb << (bit & 7);
            int first = bit >> 3;
            int last = (bit + width - 1) >> 3;
            for (int i = first; i <= last; i++)
            {
                s[offset + i] |= (byte)v;
                v >>= 8;
            }
        }

        public static bool IsNegative(int[] f, byte[] scratch32)
        {
            ToBytes(scratch32, 0, f);
            return (scratch32[0] & 1) == 1;
        }

        public static bool IsZero(int[] f, byte[] scratch32)
        {
            ToBytes(scratch32, 0, f);
            int acc = 0;
            for (int i = 0; i < 32; i++)
            {
                acc |= scratch32[i];
            }
            return acc == 0;
        }

        /// <summary>h = z^(p-2) = 1/z (0 for z = 0). 254 squarings, 11 multiplications.</summary>
        public static void Invert(int[] h, int[] z, int[] t0, int[] t1, int[] t2, int[] t3)
        {
            PowerChainTo2_250(z, t0, t1, t2, t3);
            // t1 = z^(2^250-1), t0 = z^11
            SquareRepeatedly(t1, t1, 5);
            Multiply(h, t1, t0);
        }

        /// <summary>h = z^((p-5)/8) = z^(2^252-3), the core of the square root. 252 squarings, 11 multiplications.</summary>
        public static void PowerP58(int[] h, int[] z, int[] t0, int[] t1, int[] t2, int[] t3)
        {
            PowerChainTo2_250(z, t0, t1, t2, t3);
            SquareRepeatedly(t1, t1, 2);
            Multiply(h, t1, z);
        }

        // Addition chain shared by inversion and square root.
        // On return t0 = z^11 and t1 = z^(2^250 - 1); t2, t3 are scratch.
        private static void PowerChainTo2_250(int[] z, int[] t0, int[] t1, int[] t2, int[] t3)
        {
            Square(t0, z);                    // z^2
            SquareRepeatedly(t1, t0, 2);      // z^8
            Multiply(t1, z, t1);              // z^9
            Multiply(t0, t0, t1);             // z^11
            Square(t2, t0);                   // z^22
            Multiply(t1, t1, t2);             // z^31 = z^(2^5 - 1)
            SquareRepeatedly(t2, t1, 5);
            Multiply(t1, t2, t1);             // z^(2^10 - 1)
            SquareRepeatedly(t2, t1, 10);
            Multiply(t2, t2, t1);             // z^(2^20 - 1)
            SquareRepeatedly(t3, t2, 20);
            Multiply(t2, t3, t2);             // z^(2^40 - 1)
            SquareRepeatedly(t2, t2, 10);
            Multiply(t1, t2, t1);             // z^(2^50 - 1)
            SquareRepeatedly(t2, t1, 50);
            Multiply(t2, t2, t1);             // z^(2^100 - 1)
            SquareRepeatedly(t3, t2, 100);
            Multiply(t2, t3, t2);             // z^(2^200 - 1)
            SquareRepeatedly(t2, t2, 50);
            Multiply(t1, t2, t1);             // z^(2^250 - 1)
        }
    }
}
