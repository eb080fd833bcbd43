namespace Skold.Crypto
{
    /// <summary>
    /// Group operations on edwards25519, -x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19)
    /// (RFC 8032 section 5.1), with the complete formulas of Hisil et al. for a = -1.
    /// An instance owns the scratch field elements its operations need, so nothing is
    /// allocated per operation; use one instance per thread.
    /// </summary>
    internal sealed class EdwardsCurve
    {
        public const int EncodedSize = 32;

        // d = -121665/121666 and sqrt(-1) = 2^((p-1)/4), little-endian (RFC 8032 section 5.1).
        private static readonly byte[] EncodedD =
        {
            0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00,
            0x98, 0xe8, 0x79, 0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52,
        };

        private static readonly byte[] EncodedSqrtMinusOne =
        {
            0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
            0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b,
        };

        /// <summary>The base point B: y = 4/5, x positive (RFC 8032 section 5.1).</summary>
        public static readonly byte[] EncodedBasePoint =
        {
            0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
            0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
        };

        private static readonly int[] D = Decoded(EncodedD);
        private static readonly int[] D2 = Doubled(D);
        private static readonly int[] SqrtMinusOne = Decoded(EncodedSqrtMinusOne);

        private readonly int[] _a = Field25519.Create();
        private readonly int[] _b = Field25519.Create();
        private readonly int[] _c = Field25519.Create();
        private readonly int[] _d = Field25519.Create();
        private readonly int[] _e = Field25519.Create();
        private readonly int[] _f = Field25519.Create();
        private readonly int[] _g = Field25519.Create();
        private readonly int[] _h = Field25519.Create();
        private readonly int[] _t0 = Field25519.Create();
        private readonly int[] _t1 = Field25519.Create();
        private readonly int[] _t2 = Field25519.Create();
        private readonly int[] _t3 = Field25519.Create();
        private readonly byte[] _bytes = new byte[32];
        private readonly AdditionOperand _selected = new AdditionOperand();

        private static int[] Decoded(byte[] encoded)
        {
            int[] h = Field25519.Create();
            Field25519.FromBytes(h, encoded, 0);
            return h;
        }

        private static int[] Doubled(int[] f)
        {
            int[] h = Field25519.Create();
            Field25519.Add(h, f, f);
            return h;
        }

        /// <summary>
        /// True when the encoding's y (its low 255 bits) is below p. The sign bit is not
        /// looked at. RFC 8032 section 5.1.3 step 1 rejects anything else.
        /// </summary>
        public static bool IsCanonicalEncoding(byte[] s, int offset)
        {
            if ((s[offset + 31] & 0x7f) != 0x7f)
            {
                return true;
            }
            for (int i = 30; i > 0; i--)
            {
                if (s[offset + i] != 0xff)
                {
                    return true;
                }
            }
            return s[offset] < 0xed;
        }

        /// <summary>r = 2 p. r may be p. T of the result is computed only when asked for.</summary>
        public void Double(EdwardsPoint r, EdwardsPoint p, bool computeT)
        {
            Field25519.Square(_a, p.X);
            Field25519.Square(_b, p.Y);
            Field25519.Square(_c, p.Z);
            Field25519.Add(_c, _c, _c);
            Field25519.Add(_h, _a, _b);
            Field25519.Add(_e, p.X, p.Y);
            Field25519.Square(_e, _e);
            Field25519.Subtract(_e, _h, _e);
            Field25519.Subtract(_g, _a, _b);
            Field25519.Add(_f, _c, _g);
            Field25519.Multiply(r.X, _e, _f);
            Field25519.Multiply(r.Y, _g, _h);
            Field25519.Multiply(r.Z, _f, _g);
            if (computeT)
            {
                Field25519.Multiply(r.T, _e, _h);
            }
        }

        /// <summary>r = p + q, or p - q when subtract is set. r may be p; p.T must be valid.</summary>
        public void Add(EdwardsPoint r, EdwardsPoint p, AdditionOperand q, bool subtract, bool computeT)
        {
            Field25519.Add(_e, p.Y, p.X);
            Field25519.Subtract(_f, p.Y, p.X);
            // -q swaps Y+X with Y-X and negates T.
            Field25519.Multiply(_a, _f, subtract ? q.YPlusX : q.YMinusX);
            Field25519.Multiply(_b, _e, subtract ? q.YMinusX : q.YPlusX);
            Field25519.Multiply(_c, p.T, q.T2d);
            if (q.IsAffine)
            {
                Field25519.Add(_d, p.Z, p.Z);
            }
            else
            {
                Field25519.Multiply(_d, p.Z, q.Z);
                Field25519.Add(_d, _d, _d);
            }
            Field25519.Subtract(_e, _b, _a);
            Field25519.Add(_h, _b, _a);
            if (subtract)
            {
                Field25519.Add(_f, _d, _c);
                Field25519.Subtract(_g, _d, _c);
            }
            else
            {
                Field25519.Subtract(_f, _d, _c);
                Field25519.Add(_g, _d, _c);
            }
            Field25519.Multiply(r.X, _e, _f);
            Field25519.Multiply(r.Y, _g, _h);
            Field25519.Multiply(r.Z, _f, _g);
            if (computeT)
            {
                Field25519.Multiply(r.T, _e, _h);
            }
        }

        /// <summary>Prepares p (with valid T) as a projective addition operand.</summary>
        public void ToAdditionOperand(AdditionOperand q, EdwardsPoint p)
        {
            Field25519.Add(q.YPlusX, p.Y, p.X);
            Field25519.Subtract(q.YMinusX, p.Y, p.X);
            Field25519.Copy(q.Z, p.Z);
            Field25519.Multiply(q.T2d, p.T, D2);
            q.IsAffine = false;
        }

        /// <summary>Prepares affine coordinates (x, y) as an affine addition operand.</summary>
        public void ToAffineAdditionOperand(AdditionOperand q, int[] x, int[] y)
        {
            Field25519.Add(q.YPlusX, y, x);
            Field25519.Subtract(q.YMinusX, y, x);
            Field25519.One(q.Z);
            Field25519.Multiply(q.T2d, x, y);
            Field25519.Multiply(q.T2d, q.T2d, D2);
            q.IsAffine = true;
        }

        /// <summary>Writes the 32-byte encoding of p: y, with the sign of x in the top bit.</summary>
        public void Encode(byte[] s, int offset, EdwardsPoint p)
        {
            Field25519.Invert(_a, p.Z, _t0, _t1, _t2, _t3);
            Field25519.Multiply(_b, p.X, _a);
            Field25519.Multiply(_c, p.Y, _a);
            Field25519.ToBytes(s, offset, _c);
            int negative = Field25519.IsNegative(_b, _bytes) ? 1 : 0;
            s[offset + 31] |= (byte)(negative << 7);
        }

        /// <summary>
        /// Decodes a point (RFC 8032 section 5.1.3), or its negation when negate is set.
        /// Returns false, leaving p undefined, when the bytes are not a canonical encoding of
        /// a curve point. Variable time: for public data only.
        /// </summary>
        public bool Decode(EdwardsPoint p, byte[] s, int offset, bool negate)
        {
            if (!IsCanonicalEncoding(s, offset))
            {
                return false;
            }
            int[] u = _a;
            int[] v = _b;
            int[] v3 = _c;
            int[] x = p.X;
            int[] vxx = _d;
            Field25519.FromBytes(p.Y, s, offset);
            Field25519.One(p.Z);
            Field25519.Square(u, p.Y);
            Field25519.Multiply(v, u, D);
            Field25519.Subtract(u, u, p.Z);         // u = y^2 - 1
            Field25519.Add(v, v, p.Z);              // v = d y^2 + 1

            // x = u v^3 (u v^7)^((p-5)/8), a square root of u/v if there is one (section 5.1.3 step 2).
            Field25519.Square(v3, v);
            Field25519.Multiply(v3, v3, v);
            Field25519.Square(x, v3);
            Field25519.Multiply(x, x, v);
            Field25519.Multiply(x, x, u);
            Field25519.PowerP58(x, x, _t0, _t1, _t2, _t3);
            Field25519.Multiply(x, x, v3);
            Field25519.Multiply(x, x, u);

            // Step 3: v x^2 = u, or v x^2 = -u and x times sqrt(-1) is the root, or no root.
            Field25519.Square(vxx, x);
            Field25519.Multiply(vxx, vxx, v);
            Field25519.Subtract(_e, vxx, u);
            if (!Field25519.IsZero(_e, _bytes))
            {
                Field25519.Add(_e, vxx, u);
                if (!Field25519.IsZero(_e, _bytes))
                {
                    return false;
                }
                Field25519.Multiply(x, x, SqrtMinusOne);
            }

            // Step 4: pick the root whose parity is the sign bit; x = 0 with the bit set is invalid.
            bool wantNegative = (s[offset + 31] & 0x80) != 0;
            if (wantNegative && Field25519.IsZero(x, _bytes))
            {
                return false;
            }
            if (Field25519.IsNegative(x, _bytes) != wantNegative)
            {
                Field25519.Negate(x, x);
            }
            if (negate)
            {
                Field25519.Negate(x, x);
            }
            Field25519.Multiply(p.T, x, p.Y);
            return true;
        }

        /// <summary>
        /// r = scalar B for a secret scalar below 2^255, in constant time: signed radix-16
        /// digits, four doublings per digit, and a table entry picked by scanning all eight.
        /// </summary>
        public void MultiplyBase(EdwardsPoint r, byte[] scalar, int offset, sbyte[] digits)
        {
            AffineTable table = BasePointTables.SmallMultiples;
            Scalar25519.SignedRadix16(digits, scalar, offset);
            r.SetIdentity();
            for (int i = 63; i >= 0; i--)
            {
                if (i != 63)
                {
                    Double(r, r, false);
                    Double(r, r, false);
                    Double(r, r, false);
                    Double(r, r, true);
                }
                SelectInConstantTime(_selected, table, digits[i]);
                Add(r, r, _selected, false, false);
            }
        }

        // t = digit B for digit in [-8, 8], from table[j] = (j + 1) B, touching every entry.
        private void SelectInConstantTime(AdditionOperand t, AffineTable table, int digit)
        {
            int negative = (digit >> 31) & 1;
            int magnitude = digit - ((-negative & digit) << 1);
            t.SetAffineIdentity();
            for (int j = 0; j < table.Count; j++)
            {
                uint difference = (uint)(magnitude ^ (j + 1));
                int equal = (int)((difference - 1) >> 31);
                table.MoveInto(t, j, equal);
            }
            Field25519.ConditionalSwap(t.YPlusX, t.YMinusX, negative);
            Field25519.Negate(_a, t.T2d);
            Field25519.ConditionalMove(t.T2d, _a, negative);
        }

        /// <summary>
        /// r = a P + b B for public scalars given in non-adjacent form: aDigits with width 5
        /// over aTable (the odd multiples P, 3P, .., 15P) and bDigits with width
        /// BasePointTables.OddMultiplesWidth over the fixed odd multiples of B. The two
        /// scalars share one chain of doublings (Straus). Variable time.
        /// </summary>
        public void DoubleScalarMultiply(EdwardsPoint r, sbyte[] aDigits, int aTop, AdditionOperand[] aTable, sbyte[] bDigits, int bTop)
        {
            AffineTable bTable = BasePointTables.OddMultiples;
            int top = aTop > bTop ? aTop : bTop;
            r.SetIdentity();
            for (int i = top; i >= 0; i--)
            {
                int a = aDigits[i];
                int b = bDigits[i];
                if (i != top)
                {
                    Double(r, r, a != 0 || b != 0);
                }
                if (a != 0)
                {
                    Add(r, r, aTable[(a < 0 ? -a : a) >> 1], a < 0, b != 0);
                }
                if (b != 0)
                {
                    bTable.Load(_selected, (b < 0 ? -b : b) >> 1);
                    Add(r, r, _selected, b < 0, false);
                }
            }
        }

        /// <summary>Fills table with P, 3P, 5P, ... as projective addition operands. p needs a valid T.</summary>
        public void OddMultiples(AdditionOperand[] table, EdwardsPoint p, EdwardsPoint scratch, EdwardsPoint twiceP)
        {
            Double(twiceP, p, true);
            ToAdditionOperand(_selected, twiceP);
            ToAdditionOperand(table[0], p);
            scratch.CopyFrom(p);
            for (int i = 1; i < table.Length; i++)
            {
                Add(scratch, scratch, _selected, false, true);
                ToAdditionOperand(table[i], scratch);
            }
        }

        /// <summary>
        /// Converts points to affine addition operands with one shared inversion
        /// (Montgomery's trick: invert the product of all Z, then peel off each).
        /// Allocates; meant for tables built once.
        /// </summary>
        public void ToAffineAdditionOperands(AdditionOperand[] operands, EdwardsPoint[] points)
        {
            int n = points.Length;
            int[][] prefix = new int[n][];
            for (int i = 0; i < n; i++)
            {
                prefix[i] = Field25519.Create();
                if (i == 0)
                {
                    Field25519.Copy(prefix[0], points[0].Z);
                }
                else
                {
                    Field25519.Multiply(prefix[i], prefix[i - 1], points[i].Z);
                }
            }
            int[] inverse = Field25519.Create();
            int[] zInverse = Field25519.Create();
            Field25519.Invert(inverse, prefix[n - 1], _t0, _t1, _t2, _t3);
            for (int i = n - 1; i >= 0; i--)
            {
                if (i == 0)
                {
                    Field25519.Copy(zInverse, inverse);
                }
                else
                {
                    Field25519.Multiply(zInverse, inverse, prefix[i - 1]);
                    Field25519.Multiply(inverse, inverse, points[i].Z);
                }
                Field25519.Multiply(_g, points[i].X, zInverse);
                Field25519.Multiply(_h, points[i].Y, zInverse);
                ToAffineAdditionOperand(operands[i], _g, _h);
            }
        }
    }
}
