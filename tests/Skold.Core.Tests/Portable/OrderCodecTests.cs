#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Codec;
using Skold.Council;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class OrderCodecTests
    {
        // 100 characters with å, ä and ö: one byte each in Latin-1.
        private const string SwedishAlert =
            "Stormvarning: stanna inne, ladda telefonen! Värmestuga öppen i Ålidhems skola, ta med filt och mat!!";

        [TestMethod]
        public void AlertWithHundredCharactersAndTwoSignaturesFitsOneFrame()
        {
            TestCouncil council = new TestCouncil();
            Assert.AreEqual(100, SwedishAlert.Length);
            byte[] encoded = council.Alert(1, SwedishAlert, new int[] { 0, 2 }).Encode();
            int overhead = encoded.Length - SwedishAlert.Length - 2 * Order.SignatureSize;
            Assert.IsTrue(overhead <= 16, "order overhead beyond text and signatures is " + overhead + " bytes");
            // 255-byte LoRa frame: the order leaves at least 12 bytes for the mesh header.
            Assert.IsTrue(encoded.Length <= 243, "encoded alert is " + encoded.Length + " bytes");
        }

        [TestMethod]
        public void SwedishTextRoundTripsInLatin1()
        {
            TestCouncil council = new TestCouncil();
            Order decoded = Order.Decode(council.Alert(1, SwedishAlert, new int[] { 0, 2 }).Encode());
            Assert.AreEqual(SwedishAlert, ((AlertBody)decoded.Body).Text);
            Assert.AreEqual(SwedishAlert.Length, TextCodec.Encode(SwedishAlert).Length);
            Assert.IsFalse(TextCodec.NeedsUtf8("ÅÄÖåäö éü"));
        }

        [TestMethod]
        public void TextBeyondLatin1RoundTripsInUtf8()
        {
            string text = "Kostnad 20 € per dygn – se ☎ 112 🚒";
            Assert.IsTrue(TextCodec.NeedsUtf8(text));
            ByteWriter writer = new ByteWriter(64);
            writer.WriteText(text);
            byte[] bytes = writer.ToArray();
            Assert.AreEqual(text, new ByteReader(bytes, 0, bytes.Length).ReadText("t", 100));
        }

        [TestMethod]
        public void Latin1TextSentAsUtf8IsNotCanonical()
        {
            // "å" as UTF-8 (c3 a5), flagged UTF-8: header = 2 bytes x 2 + 1.
            byte[] bytes = { 5, 0xc3, 0xa5 };
            Assert.IsTrue(Throws(bytes));
        }

        [TestMethod]
        public void ControlCharactersAndBrokenUtf8AreRefused()
        {
            Assert.IsTrue(Throws(new byte[] { 2, 0x1b }), "ESC in Latin-1");
            Assert.IsTrue(Throws(new byte[] { 2, 0x85 }), "C1 control in Latin-1");
            Assert.IsTrue(Throws(new byte[] { 5, 0xc0, 0x80 }), "overlong UTF-8");
            Assert.IsTrue(Throws(new byte[] { 7, 0xed, 0xa0, 0x80 }), "UTF-8 surrogate");
            Assert.IsTrue(Throws(new byte[] { 5, 0xe2, 0x82 }), "cut UTF-8 sequence");
            Assert.IsFalse(Throws(new byte[] { 2, 0x0a }), "line feed is allowed");
        }

        [TestMethod]
        public void EveryKindRoundTripsByteForByte()
        {
            TestCouncil council = new TestCouncil();
            uint t = TestCouncil.Now;
            Order[] orders =
            {
                council.Genesis,
                council.Alert(1, SwedishAlert, new int[] { 0, 2 }),
                new Order(OrderKind.TeamActivation, 2, t, 600, new TeamActivationBody(new int[] { 1, 300 }, new int[] { 5 }, new int[] { 2, 3 }, t, t + 7200)),
                council.Rules(3, 2, new int[] { 0, 2, 4 }),
                new Order(OrderKind.DistributionRules, 4, t, 600, new DistributionRulesBody(12, new ItemRule[]
                {
                    new ItemRule(ItemRule.Water, null, 10, 0, 2),
                    new ItemRule(200, "Blöjor", 1, 0, 0),
                })),
                new Order(OrderKind.ReserveActivation, 5, t, 600, new ReserveActivationBody(250000, t + 86400, "Diesel till räddningstjänstens aggregat")),
                new Order(OrderKind.RegistryUpdate, 6, t, 600, new RegistryUpdateBody(new RegistryOperation[]
                {
                    RegistryOperation.Add(new CouncilMember("Ida", CouncilGroup.Youth, council.Keys[7].GetPublicKey(), t, t + 999999, false)),
                    RegistryOperation.Rotate(3, council.Keys[6].GetPublicKey(), t, CouncilMember.Forever),
                    RegistryOperation.Revoke(5),
                    RegistryOperation.ChangePolicy(OrderKind.Alert, new KindPolicy(3, 2)),
                })),
            };
            for (int i = 0; i < orders.Length; i++)
            {
                byte[] encoded = orders[i].Encode();
                Order decoded = Order.Decode(encoded);
                Assert.AreEqual(orders[i].Kind, decoded.Kind);
                Assert.AreEqual(TestHex.Encode(encoded), TestHex.Encode(decoded.Encode()), OrderKind.Name(orders[i].Kind) + " round trip");
                Assert.AreEqual(TestHex.Encode(orders[i].ComputeId()), TestHex.Encode(decoded.ComputeId()));
            }
        }

        [TestMethod]
        public void TruncatedOrExtendedOrdersAreFormatErrors()
        {
            TestCouncil council = new TestCouncil();
            byte[] encoded = council.Alert(1, "Storm", new int[] { 0, 2 }).Encode();
            for (int length = 0; length < encoded.Length; length++)
            {
                Assert.IsTrue(DecodeFails(encoded, length), "truncated to " + length);
            }
            byte[] longer = new byte[encoded.Length + 1];
            for (int i = 0; i < encoded.Length; i++)
            {
                longer[i] = encoded[i];
            }
            Assert.IsTrue(DecodeFails(longer, longer.Length), "a trailing byte");
        }

        private static bool DecodeFails(byte[] data, int length)
        {
            try
            {
                Order.Decode(data, 0, length);
                return false;
            }
            catch (MalformedDataException)
            {
                return true;
            }
        }

        private static bool Throws(byte[] textField)
        {
            try
            {
                new ByteReader(textField, 0, textField.Length).ReadText("t", 100);
                return false;
            }
            catch (MalformedDataException)
            {
                return true;
            }
        }
    }
}
