using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Crypto;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class Sha2Tests
    {
        [TestMethod]
        public void Sha256OfAbcMatchesFips180()
        {
            byte[] digest = Sha256.Hash(new byte[] { 0x61, 0x62, 0x63 });
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TestHex.Encode(digest));
        }

        [TestMethod]
        public void Sha512OfAbcMatchesFips180()
        {
            byte[] digest = Sha512.Hash(new byte[] { 0x61, 0x62, 0x63 });
            Assert.AreEqual("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", TestHex.Encode(digest));
        }

        [TestMethod]
        public void Sha256OfEmptyMessage()
        {
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TestHex.Encode(Sha256.Hash(new byte[0])));
        }

        [TestMethod]
        public void IncrementalUpdatesEqualOneShot()
        {
            byte[] message = new byte[300];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)(i * 7 + 3);
            }
            string expected = TestHex.Encode(Sha512.Hash(message));
            Sha512 sha = new Sha512();
            int offset = 0;
            int step = 1;
            while (offset < message.Length)
            {
                int count = step < message.Length - offset ? step : message.Length - offset;
                sha.Update(message, offset, count);
                offset += count;
                step = step * 2 + 1;
            }
            Assert.AreEqual(expected, TestHex.Encode(sha.Finish()));
            // Finish resets: the same instance hashes the next message from scratch.
            sha.Update(new byte[] { 0x61, 0x62, 0x63 });
            Assert.AreEqual(TestHex.Encode(Sha512.Hash(new byte[] { 0x61, 0x62, 0x63 })), TestHex.Encode(sha.Finish()));
        }

        [TestMethod]
        public void UpdateRejectsARangeOutsideTheBuffer()
        {
            Sha256 sha = new Sha256();
            bool threw = false;
            try
            {
                sha.Update(new byte[4], 2, 3);
            }
            catch (ArgumentOutOfRangeException)
            {
                threw = true;
            }
            Assert.IsTrue(threw);
        }
    }
}
