namespace Skold.Crypto
{
    /// <summary>
    /// A table of affine addition operands packed into one int array: (Y + X, Y - X, 2 d T) per
    /// entry, ten limbs each. On nanoCLR every array and object costs a header, so 40 entries kept
    /// as AdditionOperand objects of four arrays each took 12.5 KB of heap; packed they take 4.8.
    /// An entry is copied into an AdditionOperand before it is added.
    /// </summary>
    internal sealed class AffineTable
    {
        private const int EntryInts = 3 * Field25519.Limbs;

        private readonly int[] _limbs;

        public AffineTable(int count)
        {
            _limbs = new int[count * EntryInts];
            Count = count;
        }

        public int Count { get; }

        /// <summary>Keeps an affine operand (its Z is 1 and not stored) as entry index.</summary>
        public void Store(int index, AdditionOperand q)
        {
            int at = index * EntryInts;
            for (int i = 0; i < Field25519.Limbs; i++)
            {
                _limbs[at + i] = q.YPlusX[i];
                _limbs[at + Field25519.Limbs + i] = q.YMinusX[i];
                _limbs[at + 2 * Field25519.Limbs + i] = q.T2d[i];
            }
        }

        /// <summary>q = entry index, as an affine operand.</summary>
        public void Load(AdditionOperand q, int index)
        {
            MoveInto(q, index, 1);
            q.IsAffine = true;
        }

        /// <summary>q = entry index when move is 1, q unchanged when 0, in constant time (as Field25519.ConditionalMove).</summary>
        public void MoveInto(AdditionOperand q, int index, int move)
        {
            int mask = -move;
            int at = index * EntryInts;
            for (int i = 0; i < Field25519.Limbs; i++)
            {
                q.YPlusX[i] ^= mask & (q.YPlusX[i] ^ _limbs[at + i]);
                q.YMinusX[i] ^= mask & (q.YMinusX[i] ^ _limbs[at + Field25519.Limbs + i]);
                q.T2d[i] ^= mask & (q.T2d[i] ^ _limbs[at + 2 * Field25519.Limbs + i]);
            }
        }
    }
}
