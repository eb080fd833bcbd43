using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Crypto;

namespace Skold.Tests.Host;

[TestClass]
public class Ed25519VectorTests
{
    [TestMethod]
    public void Rfc8032AndBoundaryLengthSignaturesAreReproducedAndVerify()
    {
        using var doc = VectorFiles.Open("rfc8032/ed25519_sign.json");
        var ed = new Ed25519();
        int count = 0;
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            byte[] seed = VectorFiles.Hex(v, "secret");
            byte[] message = VectorFiles.Hex(v, "msg");
            byte[] expectedPublic = VectorFiles.Hex(v, "public");
            byte[] expectedSignature = VectorFiles.Hex(v, "sig");
            var key = ed.CreatePrivateKey(seed);
            CollectionAssert.AreEqual(expectedPublic, key.GetPublicKey(), $"public key of vector {count}");
            CollectionAssert.AreEqual(expectedSignature, ed.Sign(key, message), $"signature of vector {count} ({message.Length} bytes)");
            Assert.IsTrue(ed.Verify(expectedSignature, message, expectedPublic), $"vector {count} verifies");
            count++;
        }
        Assert.IsGreaterThanOrEqualTo(3, count);
    }

    [TestMethod]
    public void WycheproofVerdictsAreMetExactly()
    {
        using var doc = VectorFiles.Open("wycheproof/ed25519_test.json");
        var ed = new Ed25519();
        int count = 0;
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            byte[] publicKey = VectorFiles.Hex(group.GetProperty("publicKey"), "pk");
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] message = VectorFiles.Hex(test, "msg");
                byte[] signature = VectorFiles.Hex(test, "sig");
                bool expected = test.GetProperty("result").GetString() == "valid";
                bool ours = signature.Length == Ed25519.SignatureSize && publicKey.Length == Ed25519.PublicKeySize
                    && ed.Verify(signature, message, publicKey);
                Assert.AreEqual(expected, ours, $"Wycheproof tcId {test.GetProperty("tcId").GetInt32()} ({test.GetProperty("comment").GetString()})");
                Assert.AreEqual(LibsodiumOracle.Verify(signature, message, publicKey), ours, $"libsodium on tcId {test.GetProperty("tcId").GetInt32()}");
                count++;
            }
        }
        Assert.AreEqual(doc.RootElement.GetProperty("numberOfTests").GetInt32(), count);
    }

    [TestMethod]
    public void CctvEdgeCasesGetLibsodiumsVerdict()
    {
        using var doc = VectorFiles.Open("cctv/ed25519vectors.json");
        var ed = new Ed25519();
        int count = 0;
        int accepted = 0;
        foreach (var v in doc.RootElement.EnumerateArray())
        {
            byte[] publicKey = VectorFiles.Hex(v, "key");
            byte[] signature = VectorFiles.Hex(v, "sig");
            byte[] message = System.Text.Encoding.UTF8.GetBytes(v.GetProperty("msg").GetString()!);
            bool expected = LibsodiumOracle.Verify(signature, message, publicKey);
            bool ours = ed.Verify(signature, message, publicKey);
            Assert.AreEqual(expected, ours, $"CCTV vector {v.GetProperty("number").GetInt32()} flags {v.GetProperty("flags")}");
            count++;
            accepted += ours ? 1 : 0;
        }
        Assert.AreEqual(914, count);
        // Both verdicts occur, so agreement is not agreement on "always false".
        Assert.IsGreaterThan(0, accepted);
        Assert.IsLessThan(count, accepted);
    }
}
