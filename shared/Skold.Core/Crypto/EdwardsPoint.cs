namespace Skold.Crypto
{
    /// <summary>
    /// A point of edwards25519 in extended coordinates (X : Y : Z : T) with x = X/Z,
    /// y = Y/Z and x y = T/Z (Hisil, Wong, Carter, Dawson, "Twisted Edwards Curves
    /// Revisited", 2008). T is only kept valid where an addition will read it.
    /// </summary>
    internal sealed class EdwardsPoint
    {
        public readonly int[] X = Field25519.Create();
        public readonly int[] Y = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T = Field25519.Create();

        public void SetIdentity()
        {
            Field25519.Zero(X);
            Field25519.One(Y);
            Field25519.One(Z);
            Field25519.Zero(T);
        }

        public void CopyFrom(EdwardsPoint p)
        {
            Field25519.Copy(X, p.X);
            Field25519.Copy(Y, p.Y);
            Field25519.Copy(Z, p.Z);
            Field25519.Copy(T, p.T);
        }
    }
}
