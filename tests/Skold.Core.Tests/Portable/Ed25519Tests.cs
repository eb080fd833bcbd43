#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Crypto;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class Ed25519Tests
    {
        // RFC 8032 section 7.1, TEST 1-3: seed, public key, message, signature.
        private static readonly string[] Rfc8032 =
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        };

        [TestMethod]
        public void Rfc8032PublicKeysAndSignaturesAreReproduced()
        {
            Ed25519 ed = new Ed25519();
            for (int i = 0; i < Rfc8032.Length; i += 4)
            {
                Ed25519PrivateKey key = ed.CreatePrivateKey(TestHex.Decode(Rfc8032[i]));
                Assert.AreEqual(Rfc8032[i + 1], TestHex.Encode(key.GetPublicKey()));
                byte[] signature = ed.Sign(key, TestHex.Decode(Rfc8032[i + 2]));
                Assert.AreEqual(Rfc8032[i + 3], TestHex.Encode(signature));
            }
        }

        [TestMethod]
        public void Rfc8032SignaturesVerify()
        {
            Ed25519 ed = new Ed25519();
            for (int i = 0; i < Rfc8032.Length; i += 4)
            {
                Assert.IsTrue(ed.Verify(TestHex.Decode(Rfc8032[i + 3]), TestHex.Decode(Rfc8032[i + 2]), TestHex.Decode(Rfc8032[i + 1])));
            }
        }

        [TestMethod]
        public void AnyFlippedBitInSignatureMessageOrKeyIsRejected()
        {
            Ed25519 ed = new Ed25519();
            byte[] publicKey = TestHex.Decode(Rfc8032[9]);
            byte[] message = TestHex.Decode(Rfc8032[10]);
            byte[] signature = TestHex.Decode(Rfc8032[11]);
            for (int bit = 0; bit < 64 * 8; bit++)
            {
                signature[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.IsFalse(ed.Verify(signature, message, publicKey));
                signature[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
            for (int bit = 0; bit < 32 * 8; bit++)
            {
                publicKey[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.IsFalse(ed.Verify(signature, message, publicKey));
                publicKey[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
            for (int bit = 0; bit < message.Length * 8; bit++)
            {
                message[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.IsFalse(ed.Verify(signature, message, publicKey));
                message[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
            Assert.IsTrue(ed.Verify(signature, message, publicKey));
        }

        [TestMethod]
        public void SignatureWithSPlusGroupOrderIsRejected()
        {
            Ed25519 ed = new Ed25519();
            byte[] signature = TestHex.Decode(Rfc8032[3]);
            // S + L still satisfies the group equation; RFC 8032 and libsodium demand S < L.
            byte[] order = TestHex.Decode("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
            int carry = 0;
            for (int i = 0; i < 32; i++)
            {
                int sum = signature[32 + i] + order[i] + carry;
                signature[32 + i] = (byte)sum;
                carry = sum >> 8;
            }
            Assert.AreEqual(0, carry);
            Assert.IsFalse(ed.Verify(signature, new byte[0], TestHex.Decode(Rfc8032[1])));
        }

        [TestMethod]
        public void SmallOrderPublicKeyIsRejectedEvenWhenTheEquationHolds()
        {
            Ed25519 ed = new Ed25519();
            // A = identity (y = 1), R = B, S = 1: [S]B - [k]A = B = R for every message, so only
            // the small-order check stands between this forgery and acceptance.
            byte[] identity = TestHex.Decode("0100000000000000000000000000000000000000000000000000000000000000");
            byte[] signature = TestHex.Decode(
                "5866666666666666666666666666666666666666666666666666666666666666" +
                "0100000000000000000000000000000000000000000000000000000000000000");
            Assert.IsTrue(Ed25519.HasSmallOrder(identity, 0));
            Assert.IsFalse(ed.Verify(signature, new byte[] { 1, 2, 3 }, identity));
            // The same y with the sign bit set is the same forgery.
            identity[31] |= 0x80;
            Assert.IsFalse(ed.Verify(signature, new byte[] { 1, 2, 3 }, identity));
        }

        [TestMethod]
        public void ClearedKeyRefusesToSign()
        {
            Ed25519 ed = new Ed25519();
            Ed25519PrivateKey key = ed.CreatePrivateKey(TestHex.Decode(Rfc8032[0]));
            key.Clear();
            bool threw = false;
            try
            {
                ed.Sign(key, new byte[1]);
            }
            catch (System.InvalidOperationException)
            {
                threw = true;
            }
            Assert.IsTrue(threw);
        }
    }
}
