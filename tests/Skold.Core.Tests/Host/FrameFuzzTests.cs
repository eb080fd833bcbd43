using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Codec;
using Skold.Mesh;
using Skold.Tests.Portable;

namespace Skold.Tests.Host;

[TestClass]
public class FrameFuzzTests
{
    [TestMethod]
    public void RandomAndMutatedFramesDecodeOrFailCleanly()
    {
        var random = new Random(255);
        var council = new TestCouncil();
        byte[] order = council.Alert(1, "Storm i natt", [0, 2]).Encode();
        byte[] valid = Frame.Fragment(FrameType.Order, 7, 3, order)[0].Encode();
        int decoded = 0;
        for (int i = 0; i < 200_000; i++)
        {
            byte[] data;
            if (i % 2 == 0)
            {
                data = new byte[random.Next(0, 300)];
                random.NextBytes(data);
            }
            else
            {
                data = (byte[])valid.Clone();
                for (int m = random.Next(1, 4); m > 0; m--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }
                data = data[..random.Next(1, data.Length + 1)];
            }
            try
            {
                Frame frame = Frame.Decode(data, 0, data.Length);
                CollectionAssert.AreEqual(data, frame.Encode(), "a decoded frame re-encodes to its bytes");
                decoded++;
            }
            catch (MalformedDataException)
            {
            }
        }
        Assert.IsGreaterThan(1000, decoded);
    }

    [TestMethod]
    public void GarbageIntoARelayIsCountedAndCostsNothing()
    {
        var council = new TestCouncil();
        var engine = new RelayEngine(new RelayConfig(1, new LoRaModulation(9, 125000, 5), DutyCycleAccountant.ForFrequency(869_525_000, false)),
            council.Registry, new CoverageRebroadcastPolicy(2_700_000, 0), new SeededRandom(0), new MemoryRelayStore(), council.Ed, 0);
        var random = new Random(1);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] data = new byte[random.Next(0, 256)];
            random.NextBytes(data);
            if (data.Length > 0)
            {
                data[0] &= 0x9f;
            }
            engine.Receive(data, 0, data.Length, random.Next(-200, 200), i);
        }
        int orderFrames = 0;
        for (long t = 0; t < 120_000; t += 50)
        {
            OutgoingFrame? frame = engine.Poll(t, false);
            orderFrames += frame is not null && frame.Type <= FrameType.Report ? 1 : 0;
        }
        Assert.AreEqual(0, orderFrames, "nothing random is relayed");
        Assert.IsGreaterThan(10_000, engine.Statistics.Malformed + engine.Statistics.Rejected);
    }
}
