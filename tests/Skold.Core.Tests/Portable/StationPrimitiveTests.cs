using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Codec;
using Skold.Crypto;
using Skold.Station;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class StationPrimitiveTests
    {
        // RFC 4231 section 4.2, 4.3 and 4.7 (test cases 1, 2 and 6).
        [TestMethod]
        public void HmacSha256MatchesRfc4231()
        {
            byte[] key1 = new byte[20];
            for (int i = 0; i < key1.Length; i++)
            {
                key1[i] = 0x0b;
            }
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                TestHex.Encode(new HmacSha256(key1).Compute(TextCodec.Encode("Hi There"))));
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                TestHex.Encode(new HmacSha256(TextCodec.Encode("Jefe")).Compute(TextCodec.Encode("what do ya want for nothing?"))));
            byte[] key6 = new byte[131];
            for (int i = 0; i < key6.Length; i++)
            {
                key6[i] = 0xaa;
            }
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                TestHex.Encode(new HmacSha256(key6).Compute(TextCodec.Encode("Test Using Larger Than Block-Size Key - Hash Key First"))));
        }

        [TestMethod]
        public void Crc32HasTheStandardCheckValue()
        {
            byte[] data = TextCodec.Encode("123456789");
            Assert.AreEqual(0xcbf43926u, Crc32.Compute(data, 0, data.Length));
            Assert.AreEqual(0xcbf43926u, Crc32.Append(Crc32.Compute(data, 0, 4), data, 4, 5));
        }

        [TestMethod]
        public void CardNumbersNeedTheirLuhnCheckDigit()
        {
            Assert.IsTrue(HouseholdCard.IsValid("79927398713"));
            Assert.IsFalse(HouseholdCard.IsValid("79927398710"), "wrong check digit");
            Assert.IsFalse(HouseholdCard.IsValid("79927398731"), "two digits swapped");
            Assert.IsFalse(HouseholdCard.IsValid("00000"), "too short");
            Assert.IsFalse(HouseholdCard.IsValid("1234567890123"), "too long");
            Assert.IsFalse(HouseholdCard.IsValid("7992739871a"));
            Assert.AreEqual('3', HouseholdCard.CheckDigit("7992739871"));
        }

        [TestMethod]
        public void PseudonymsDependOnTheCrisisKeyAndTheCard()
        {
            byte[] keyA = new byte[32];
            byte[] keyB = new byte[32];
            keyB[0] = 1;
            HouseholdCard a = new HouseholdCard(keyA);
            HouseholdCard b = new HouseholdCard(keyB);
            Assert.AreEqual(12, a.Pseudonym("79927398713").Length);
            Assert.AreEqual(TestHex.Encode(a.Pseudonym("79927398713")), TestHex.Encode(new HouseholdCard(keyA).Pseudonym("79927398713")));
            Assert.AreNotEqual(TestHex.Encode(a.Pseudonym("79927398713")), TestHex.Encode(b.Pseudonym("79927398713")));
            Assert.AreNotEqual(TestHex.Encode(a.Pseudonym("79927398713")), TestHex.Encode(a.Pseudonym("1000009")));
            Assert.AreNotEqual(TestHex.Encode(a.KeyId), TestHex.Encode(b.KeyId));
        }

        [TestMethod]
        public void PinHashesAreSaltedPerStationAndOperator()
        {
            KioskSettings settings = new KioskSettings(3, "Skolan");
            settings.AddOperator(1, KioskSettings.PinHash(3, 1, "1234"));
            Assert.IsTrue(settings.CheckPin(1, "1234"));
            Assert.IsFalse(settings.CheckPin(1, "1235"));
            Assert.IsFalse(settings.CheckPin(2, "1234"));
            Assert.AreNotEqual(TestHex.Encode(KioskSettings.PinHash(3, 1, "1234")), TestHex.Encode(KioskSettings.PinHash(3, 2, "1234")));
            Assert.AreNotEqual(TestHex.Encode(KioskSettings.PinHash(3, 1, "1234")), TestHex.Encode(KioskSettings.PinHash(4, 1, "1234")));
        }
    }
}
