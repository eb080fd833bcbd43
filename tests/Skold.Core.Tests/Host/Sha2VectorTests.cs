using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Crypto;

namespace Skold.Tests.Host;

[TestClass]
public class Sha2VectorTests
{
    [TestMethod]
    public void EveryLengthAcrossThePaddingBoundariesMatches()
    {
        using var doc = VectorFiles.Open("sha/sha2.json");
        int count = 0;
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            byte[] message = VectorFiles.Hex(v, "msg");
            Assert.AreEqual(v.GetProperty("sha256").GetString(), Convert.ToHexStringLower(Sha256.Hash(message)), $"SHA-256 of {message.Length} bytes");
            Assert.AreEqual(v.GetProperty("sha512").GetString(), Convert.ToHexStringLower(Sha512.Hash(message)), $"SHA-512 of {message.Length} bytes");
            count++;
        }
        Assert.IsGreaterThan(260, count);
    }

    [TestMethod]
    public void RandomSplitsMatchTheDotNetImplementation()
    {
        var random = new Random(2026);
        var sha256 = new Sha256();
        var sha512 = new Sha512();
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] message = new byte[random.Next(0, 1200)];
            random.NextBytes(message);
            int offset = 0;
            while (offset < message.Length)
            {
                int count = Math.Min(random.Next(0, 300), message.Length - offset);
                sha256.Update(message, offset, count);
                sha512.Update(message, offset, count);
                offset += count;
            }
            CollectionAssert.AreEqual(System.Security.Cryptography.SHA256.HashData(message), sha256.Finish());
            CollectionAssert.AreEqual(System.Security.Cryptography.SHA512.HashData(message), sha512.Finish());
        }
    }
}
