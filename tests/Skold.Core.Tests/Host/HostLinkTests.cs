using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.HostLink;

namespace Skold.Tests.Host;

[TestClass]
public class HostLinkTests
{
    private static List<HostLinkFrame> DecodeInChunks(byte[] stream, Random random, HostLinkDecoder decoder)
    {
        var frames = new List<HostLinkFrame>();
        int at = 0;
        while (at < stream.Length)
        {
            int chunk = Math.Min(stream.Length - at, 1 + random.Next(40));
            int used = 0;
            while (used < chunk)
            {
                HostLinkFrame? frame = decoder.Feed(stream, at + used, chunk - used, out int consumed);
                used += consumed;
                if (frame is not null)
                {
                    frames.Add(frame);
                }
            }
            at += chunk;
        }
        return frames;
    }

    private static HostLinkFrame RandomFrame(Random random)
    {
        byte[] payload = new byte[random.Next(HostLinkFrame.MaxPayload + 1)];
        random.NextBytes(payload);
        // Plenty of bytes that need escaping.
        for (int i = 0; i < payload.Length; i += 7)
        {
            payload[i] = random.Next(2) == 0 ? HostLinkEncoder.End : HostLinkEncoder.Escape;
        }
        return new HostLinkFrame(1 + random.Next(255), payload);
    }

    [TestMethod]
    public void Crc16HasTheCcittFalseCheckValue()
    {
        byte[] data = "123456789"u8.ToArray();
        Assert.AreEqual(0x29b1, Crc16.Compute(data, 0, data.Length));
    }

    [TestMethod]
    public void FramesSurviveSplitAndMergedReadsWithGarbageBetweenThem()
    {
        var random = new Random(3);
        var sent = new List<HostLinkFrame>();
        var stream = new List<byte>();
        for (int i = 0; i < 300; i++)
        {
            if (random.Next(4) == 0)
            {
                // Line noise between frames, as a board prints boot messages on the same port.
                byte[] noise = new byte[random.Next(30)];
                random.NextBytes(noise);
                stream.AddRange(noise.Where(b => b != HostLinkEncoder.End));
            }
            HostLinkFrame frame = RandomFrame(random);
            sent.Add(frame);
            stream.AddRange(HostLinkEncoder.Encode(frame));
        }
        var decoder = new HostLinkDecoder();
        List<HostLinkFrame> received = DecodeInChunks([.. stream], random, decoder);
        Assert.AreEqual(sent.Count, received.Count);
        for (int i = 0; i < sent.Count; i++)
        {
            Assert.AreEqual(sent[i].Type, received[i].Type, $"frame {i}");
            CollectionAssert.AreEqual(sent[i].Payload, received[i].Payload, $"frame {i}");
        }
    }

    [TestMethod]
    public void ADamagedFrameIsDroppedAndTheNextOneStillArrives()
    {
        var random = new Random(5);
        for (int round = 0; round < 500; round++)
        {
            byte[] first = HostLinkEncoder.Encode(RandomFrame(random));
            HostLinkFrame second = RandomFrame(random);
            int damaged = 1 + random.Next(first.Length - 2);
            first[damaged] ^= (byte)(1 + random.Next(255));
            var decoder = new HostLinkDecoder();
            List<HostLinkFrame> received = DecodeInChunks([.. first, .. HostLinkEncoder.Encode(second)], random, decoder);
            // Even when the flipped byte becomes a FEND and splits the frame, no piece passes the CRC.
            Assert.AreEqual(1, received.Count, $"round {round}: a damaged frame got through");
            Assert.AreEqual(second.Type, received[0].Type);
            CollectionAssert.AreEqual(second.Payload, received[0].Payload);
        }
    }

    [TestMethod]
    public void AnyByteStringDecodesWithoutThrowing()
    {
        var random = new Random(9);
        var decoder = new HostLinkDecoder();
        for (int round = 0; round < 2000; round++)
        {
            byte[] junk = new byte[random.Next(2000)];
            random.NextBytes(junk);
            DecodeInChunks(junk, random, decoder);
        }
        // After the noise, a good frame is still read.
        HostLinkFrame frame = new(HostLinkFrame.Ping, []);
        List<HostLinkFrame> after = DecodeInChunks([HostLinkEncoder.End, .. HostLinkEncoder.Encode(frame)], random, decoder);
        Assert.AreEqual(HostLinkFrame.Ping, after.Single().Type);
        Assert.IsTrue(decoder.Rejected > 0);
    }

    [TestMethod]
    public void OversizedFramesAreRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => HostLinkEncoder.Encode(new HostLinkFrame(1, new byte[HostLinkFrame.MaxPayload + 1])));
        // A stream that never ends its frame is cut at the buffer size, and the next frame still arrives.
        byte[] endless = [HostLinkEncoder.End, .. Enumerable.Repeat((byte)0x41, 5000)];
        var decoder = new HostLinkDecoder();
        var random = new Random(1);
        Assert.AreEqual(0, DecodeInChunks(endless, random, decoder).Count);
        Assert.AreEqual(1, DecodeInChunks(HostLinkEncoder.Encode(new HostLinkFrame(2, [1, 2, 3])), random, decoder).Count);
    }
}
