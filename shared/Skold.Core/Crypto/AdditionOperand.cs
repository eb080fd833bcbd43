namespace Skold.Crypto
{
    /// <summary>
    /// A point prepared as the second operand of an addition: (Y + X, Y - X, Z, 2 d T).
    /// With Z = 1 (an affine point, "Niels" form) the addition saves one multiplication;
    /// IsAffine marks that case and Z is then unused.
    /// </summary>
    internal sealed class AdditionOperand
    {
        public readonly int[] YPlusX = Field25519.Create();
        public readonly int[] YMinusX = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T2d = Field25519.Create();
        public bool IsAffine;

        public void SetAffineIdentity()
        {
            Field25519.One(YPlusX);
            Field25519.One(YMinusX);
            Field25519.One(Z);
            Field25519.Zero(T2d);
            IsAffine = true;
        }
    }
}
