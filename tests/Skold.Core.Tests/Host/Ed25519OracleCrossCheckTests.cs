using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Crypto;

namespace Skold.Tests.Host;

/// <summary>
/// Thousands of random keys and messages, signed by libsodium and by us, then verified by
/// both after mutations aimed at every acceptance rule: bit flips, S + nL, small-order and
/// non-canonical encodings of A and R, mixed-order keys, random bytes. Every verdict must match.
/// </summary>
[TestClass]
public class Ed25519OracleCrossCheckTests
{
    private const int Keys = 2000;

    private static readonly byte[] Order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    // y of the order-8 points, and the encodings of y = 0, 1, p - 1 (libsodium's list, and more).
    private static readonly string[] SmallOrderY =
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    };

    private int _compared;
    private int _accepted;
    private readonly Ed25519 _ed = new();

    [TestMethod]
    public void EveryVerdictAgreesWithLibsodium()
    {
        var random = new Random(20261124);
        var torsion = TorsionPoints();
        for (int n = 0; n < Keys; n++)
        {
            byte[] seed = new byte[32];
            random.NextBytes(seed);
            byte[] message = new byte[random.Next(0, 200)];
            random.NextBytes(message);

            var (publicKey, signature) = LibsodiumOracle.Sign(seed, message);
            var key = _ed.CreatePrivateKey(seed);
            CollectionAssert.AreEqual(publicKey, key.GetPublicKey(), "public key from seed");
            CollectionAssert.AreEqual(signature, _ed.Sign(key, message), "deterministic signature");
            Compare(signature, message, publicKey, "valid");

            Compare(FlipBit(signature, random.Next(512)), message, publicKey, "signature bit flip");
            Compare(signature, message, FlipBit(publicKey, random.Next(256)), "key bit flip");
            if (message.Length > 0)
            {
                Compare(signature, FlipBit(message, random.Next(message.Length * 8)), publicKey, "message bit flip");
            }
            Compare(AddOrderToS(signature, 1 + random.Next(15)), message, publicKey, "S + nL");

            string y = SmallOrderY[random.Next(SmallOrderY.Length)];
            byte[] smallOrder = Convert.FromHexString(y);
            if (random.Next(2) == 1)
            {
                smallOrder[31] |= 0x80;
            }
            Compare(signature, message, smallOrder, "small-order A");
            Compare(Concat(smallOrder, signature.AsSpan(32).ToArray()), message, publicKey, "small-order R");
            Compare(Concat(smallOrder, signature.AsSpan(32).ToArray()), message, smallOrder, "small-order R and A");

            // y in [p, 2^255): a non-canonical encoding of y - p, which is a small number.
            byte[] nonCanonical = Convert.FromHexString(SmallOrderY[5]);
            nonCanonical[0] = (byte)(0xed + random.Next(0x13));
            nonCanonical[31] |= (byte)(random.Next(2) << 7);
            Compare(signature, message, nonCanonical, "non-canonical A");
            Compare(Concat(nonCanonical, signature.AsSpan(32).ToArray()), message, publicKey, "non-canonical R");

            // A + T for a torsion point T: libsodium's cofactorless check accepts it exactly
            // when [k]T is the identity, which happens for some k (mixed-order keys).
            byte[] mixed = AddPoints(publicKey, torsion[random.Next(torsion.Length)]);
            Compare(signature, message, mixed, "mixed-order A");
            Compare(Concat(AddPoints(signature.AsSpan(0, 32).ToArray(), torsion[random.Next(torsion.Length)]), signature.AsSpan(32).ToArray()), message, publicKey, "mixed-order R");

            byte[] randomKey = new byte[32];
            random.NextBytes(randomKey);
            Compare(signature, message, randomKey, "random A");
            byte[] randomSignature = new byte[64];
            random.NextBytes(randomSignature);
            randomSignature[63] &= 0x0f;
            Compare(randomSignature, message, publicKey, "random signature");
        }
        Assert.IsGreaterThan(Keys * 12, _compared);
        // Valid signatures and the accepted mixed-order cases: clearly both verdicts occur.
        Assert.IsGreaterThan(Keys, _accepted);
        Assert.IsLessThan(_compared / 2, _accepted);
    }

    private void Compare(byte[] signature, byte[] message, byte[] publicKey, string what)
    {
        bool expected = LibsodiumOracle.Verify(signature, message, publicKey);
        bool ours = _ed.Verify(signature, message, publicKey);
        Assert.AreEqual(expected, ours, $"{what}: sig {Convert.ToHexStringLower(signature)} pk {Convert.ToHexStringLower(publicKey)} msg {Convert.ToHexStringLower(message)}");
        _compared++;
        _accepted += ours ? 1 : 0;
    }

    private static byte[] FlipBit(byte[] data, int bit)
    {
        byte[] copy = (byte[])data.Clone();
        copy[bit >> 3] ^= (byte)(1 << (bit & 7));
        return copy;
    }

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];

    private static byte[] AddOrderToS(byte[] signature, int times)
    {
        byte[] copy = (byte[])signature.Clone();
        var s = new System.Numerics.BigInteger(copy.AsSpan(32), isUnsigned: true) + times * new System.Numerics.BigInteger(Order, isUnsigned: true);
        byte[] bytes = s.ToByteArray(isUnsigned: true);
        if (bytes.Length > 32)
        {
            // Past 2^256 S cannot be encoded; keep the top bits set instead.
            copy[63] |= 0xe0;
            return copy;
        }
        Array.Clear(copy, 32, 32);
        bytes.CopyTo(copy, 32);
        return copy;
    }

    private static byte[][] TorsionPoints()
    {
        var list = new List<byte[]>();
        foreach (string y in new[] { SmallOrderY[0], SmallOrderY[2], SmallOrderY[3], SmallOrderY[4] })
        {
            for (int sign = 0; sign < 2; sign++)
            {
                byte[] encoding = Convert.FromHexString(y);
                encoding[31] |= (byte)(sign << 7);
                list.Add(encoding);
            }
        }
        return list.ToArray();
    }

    private static byte[] AddPoints(byte[] a, byte[] b)
    {
        var curve = new EdwardsCurve();
        var p = new EdwardsPoint();
        var q = new EdwardsPoint();
        if (!curve.Decode(p, a, 0, false) || !curve.Decode(q, b, 0, false))
        {
            return a;
        }
        var operand = new AdditionOperand();
        curve.ToAdditionOperand(operand, q);
        curve.Add(p, p, operand, false, true);
        byte[] sum = new byte[32];
        curve.Encode(sum, 0, p);
        return sum;
    }
}
