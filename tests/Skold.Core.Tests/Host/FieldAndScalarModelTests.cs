using System.Numerics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Crypto;

namespace Skold.Tests.Host;

/// <summary>
/// The limb arithmetic checked against BigInteger, including limbs at the largest
/// magnitudes the curve formulas feed in (sums of up to four carried elements), where a
/// carry or 64-bit overflow bug would show.
/// </summary>
[TestClass]
public class FieldAndScalarModelTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly int[] Position = { 0, 26, 51, 77, 102, 128, 153, 179, 204, 230 };

    private static BigInteger Value(int[] limbs)
    {
        BigInteger v = 0;
        for (int i = 0; i < 10; i++)
        {
            v += (BigInteger)limbs[i] << Position[i];
        }
        return v;
    }

    private static BigInteger Mod(BigInteger v, BigInteger m) => ((v % m) + m) % m;

    private static BigInteger Decode(int[] limbs)
    {
        byte[] bytes = new byte[32];
        Field25519.ToBytes(bytes, 0, limbs);
        return new BigInteger(bytes, isUnsigned: true);
    }

    // Limbs up to four times a carried element's bound: 2^27 for even limbs, 2^26 for odd.
    private static int[] RandomLimbs(Random random, bool extreme)
    {
        int[] limbs = new int[10];
        for (int i = 0; i < 10; i++)
        {
            int bound = i % 2 == 0 ? 1 << 27 : 1 << 26;
            limbs[i] = extreme ? (random.Next(2) == 0 ? bound : -bound) : random.Next(-bound, bound + 1);
        }
        return limbs;
    }

    [TestMethod]
    public void MultiplySquareAndToBytesMatchBigIntegerAtTheLimbBounds()
    {
        var random = new Random(255);
        int[] h = Field25519.Create();
        for (int trial = 0; trial < 20000; trial++)
        {
            bool extreme = trial % 4 == 0;
            int[] f = RandomLimbs(random, extreme);
            int[] g = RandomLimbs(random, extreme);
            Field25519.Multiply(h, f, g);
            Assert.AreEqual(Mod(Value(f) * Value(g), P), Decode(h), "multiply");
            Field25519.Square(h, f);
            Assert.AreEqual(Mod(Value(f) * Value(f), P), Decode(h), "square");
        }
    }

    [TestMethod]
    public void ToBytesIsCanonicalForValuesAroundP()
    {
        byte[] bytes = new byte[32];
        int[] h = Field25519.Create();
        foreach (BigInteger v in new[] { BigInteger.Zero, BigInteger.One, P - 1, P, P + 1, P + 18, BigInteger.Pow(2, 255) - 1 })
        {
            v.TryWriteBytes(bytes, out _, isUnsigned: true);
            Array.Clear(bytes, v.GetByteCount(isUnsigned: true), 32 - v.GetByteCount(isUnsigned: true));
            Field25519.FromBytes(h, bytes, 0);
            Assert.AreEqual(Mod(v, P), Decode(h), $"round trip of {v}");
            int[] negated = Field25519.Create();
            Field25519.Negate(negated, h);
            Assert.AreEqual(Mod(-v, P), Decode(negated), $"negation of {v}");
        }
    }

    [TestMethod]
    public void InvertAndSquareRootPowerMatchBigInteger()
    {
        var random = new Random(19);
        int[] h = Field25519.Create();
        int[] t0 = Field25519.Create(), t1 = Field25519.Create(), t2 = Field25519.Create(), t3 = Field25519.Create();
        for (int trial = 0; trial < 200; trial++)
        {
            int[] f = RandomLimbs(random, false);
            Field25519.Invert(h, f, t0, t1, t2, t3);
            Assert.AreEqual(BigInteger.ModPow(Mod(Value(f), P), P - 2, P), Decode(h), "inverse");
            Field25519.PowerP58(h, f, t0, t1, t2, t3);
            Assert.AreEqual(BigInteger.ModPow(Mod(Value(f), P), (P - 5) / 8, P), Decode(h), "(p-5)/8 power");
        }
    }

    [TestMethod]
    public void ScalarReductionAndMultiplyAddMatchBigInteger()
    {
        var random = new Random(252);
        var scalars = new Scalar25519();
        byte[] wide = new byte[64];
        byte[] output = new byte[32];
        var edges = new[] { BigInteger.Zero, L - 1, L, L + 1, 2 * L, BigInteger.Pow(2, 512) - 1, BigInteger.Pow(2, 256) - 1, BigInteger.Pow(2, 253) };
        for (int trial = 0; trial < 3000; trial++)
        {
            BigInteger x = trial < edges.Length ? edges[trial] : new BigInteger(RandomBytes(random, 64), isUnsigned: true);
            Array.Clear(wide);
            x.TryWriteBytes(wide, out _, isUnsigned: true);
            scalars.ReduceWide(output, 0, wide, 0);
            Assert.AreEqual(x % L, new BigInteger(output, isUnsigned: true), $"reduce {x}");

            // a < L, b any 256-bit value (a clamped secret scalar is not reduced), c < L.
            BigInteger a = new BigInteger(RandomBytes(random, 32), isUnsigned: true) % L;
            BigInteger b = trial % 7 == 0 ? BigInteger.Pow(2, 256) - 1 : new BigInteger(RandomBytes(random, 32), isUnsigned: true);
            BigInteger c = trial % 5 == 0 ? L - 1 : new BigInteger(RandomBytes(random, 32), isUnsigned: true) % L;
            scalars.MultiplyAdd(output, 0, Bytes32(a), 0, Bytes32(b), 0, Bytes32(c), 0);
            Assert.AreEqual((a * b + c) % L, new BigInteger(output, isUnsigned: true), "multiply-add");
        }
    }

    [TestMethod]
    public void IsCanonicalMeansBelowTheGroupOrder()
    {
        Assert.IsTrue(Scalar25519.IsCanonical(Bytes32(L - 1), 0));
        Assert.IsFalse(Scalar25519.IsCanonical(Bytes32(L), 0));
        Assert.IsFalse(Scalar25519.IsCanonical(Bytes32(L + 1), 0));
        Assert.IsTrue(Scalar25519.IsCanonical(Bytes32(BigInteger.Zero), 0));
        Assert.IsFalse(Scalar25519.IsCanonical(Bytes32(BigInteger.Pow(2, 256) - 1), 0));
    }

    [TestMethod]
    public void RecodingsSumBackToTheScalar()
    {
        var random = new Random(16);
        var scalars = new Scalar25519();
        sbyte[] naf = new sbyte[256];
        sbyte[] radix16 = new sbyte[64];
        for (int trial = 0; trial < 2000; trial++)
        {
            BigInteger k = trial == 0 ? L - 1 : new BigInteger(RandomBytes(random, 32), isUnsigned: true) % L;
            foreach (int width in new[] { 5, 7 })
            {
                int top = scalars.NonAdjacentForm(naf, Bytes32(k), 0, width);
                BigInteger sum = 0;
                int lastNonZero = -width;
                for (int i = 0; i < 256; i++)
                {
                    if (naf[i] != 0)
                    {
                        Assert.AreEqual(1, Math.Abs(naf[i]) % 2, "NAF digits are odd");
                        Assert.IsLessThan(1 << (width - 1), Math.Abs(naf[i]), "NAF digit within the window");
                        Assert.IsGreaterThanOrEqualTo(width, i - lastNonZero, "non-zero digits at least w apart");
                        lastNonZero = i;
                    }
                    sum += (BigInteger)naf[i] << i;
                }
                Assert.AreEqual(k, sum, "NAF sums back");
                Assert.AreEqual(lastNonZero < 0 ? -1 : lastNonZero, top, "top digit index");
            }
            Scalar25519.SignedRadix16(radix16, Bytes32(k), 0);
            BigInteger total = 0;
            for (int i = 0; i < 64; i++)
            {
                Assert.IsTrue(radix16[i] >= -8 && radix16[i] <= 8, "radix-16 digit in [-8, 8]");
                total += (BigInteger)radix16[i] << (4 * i);
            }
            Assert.AreEqual(k, total, "radix-16 sums back");
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] b = new byte[count];
        random.NextBytes(b);
        return b;
    }

    private static byte[] Bytes32(BigInteger v)
    {
        byte[] b = new byte[32];
        v.TryWriteBytes(b, out _, isUnsigned: true);
        return b;
    }
}
