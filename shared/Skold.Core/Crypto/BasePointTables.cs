namespace Skold.Crypto
{
    /// <summary>
    /// Fixed multiples of the base point B, computed once at first use (about 40 point
    /// additions and one inversion) rather than stored as constants, and kept affine so
    /// each addition with them saves a multiplication, and packed (AffineTable): 4.8 KB of heap.
    /// </summary>
    internal static class BasePointTables
    {
        /// <summary>Window width of the non-adjacent form used with OddMultiples.</summary>
        public const int OddMultiplesWidth = 7;

        /// <summary>B, 2B, .., 8B: the constant-time signing table.</summary>
        public static readonly AffineTable SmallMultiples;

        /// <summary>B, 3B, 5B, .., 63B: the verification table for width-7 digits.</summary>
        public static readonly AffineTable OddMultiples;

        static BasePointTables()
        {
            EdwardsCurve curve = new EdwardsCurve();
            EdwardsPoint basePoint = new EdwardsPoint();
            curve.Decode(basePoint, EdwardsCurve.EncodedBasePoint, 0, false);
            AdditionOperand step = new AdditionOperand();

            EdwardsPoint[] small = NewPoints(8);
            small[0].CopyFrom(basePoint);
            curve.ToAdditionOperand(step, basePoint);
            for (int i = 1; i < small.Length; i++)
            {
                curve.Add(small[i], small[i - 1], step, false, true);
            }
            SmallMultiples = Affine(curve, small);

            EdwardsPoint[] odd = NewPoints(1 << (OddMultiplesWidth - 2));
            odd[0].CopyFrom(basePoint);
            curve.ToAdditionOperand(step, small[1]);
            for (int i = 1; i < odd.Length; i++)
            {
                curve.Add(odd[i], odd[i - 1], step, false, true);
            }
            OddMultiples = Affine(curve, odd);
        }

        private static EdwardsPoint[] NewPoints(int count)
        {
            EdwardsPoint[] points = new EdwardsPoint[count];
            for (int i = 0; i < count; i++)
            {
                points[i] = new EdwardsPoint();
            }
            return points;
        }

        private static AffineTable Affine(EdwardsCurve curve, EdwardsPoint[] points)
        {
            AdditionOperand[] operands = new AdditionOperand[points.Length];
            for (int i = 0; i < operands.Length; i++)
            {
                operands[i] = new AdditionOperand();
            }
            curve.ToAffineAdditionOperands(operands, points);
            AffineTable table = new AffineTable(operands.Length);
            for (int i = 0; i < operands.Length; i++)
            {
                table.Store(i, operands[i]);
            }
            return table;
        }
    }
}
