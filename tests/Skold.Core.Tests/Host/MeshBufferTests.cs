using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Mesh;

namespace Skold.Tests.Host;

[TestClass]
public class MeshBufferTests
{
    [TestMethod]
    public void AFragmentedMessageSurvivesABurstOfFreshIds()
    {
        var reassembler = new Reassembler(4, 600_000);
        byte[] message = new byte[400];
        new Random(1).NextBytes(message);
        Frame[] frames = Frame.Fragment(FrameType.Order, 5, 1, message);
        Assert.IsNull(reassembler.Add(frames[0], 0));
        // Ten junk "first fragments" with fresh ids arrive before the genuine second fragment.
        for (uint id = 1; id <= 10; id++)
        {
            reassembler.Add(new Frame(FrameType.Order, 0, 5, id, 0, 2, 9, new byte[Frame.MaxPayload]), 100 + id);
        }
        CollectionAssert.AreEqual(message, reassembler.Add(frames[1], 1000));
        Assert.IsLessThanOrEqualTo(4, reassembler.InProgress);
    }

    [TestMethod]
    public void AFragmentCutStraightFromTheMessageIsTheSameFrameAsTheFragmentersCopy()
    {
        foreach (int length in new[] { 1, Frame.MaxPayload, Frame.MaxPayload + 1, 1093, Frame.MaxPayload * Frame.MaxFragments })
        {
            byte[] message = new byte[length];
            new Random(length).NextBytes(message);
            Frame[] frames = Frame.Fragment(FrameType.Order, 3, 7, 513, message);
            Assert.AreEqual(frames.Length, Frame.FragmentCountOf(length));
            for (int i = 0; i < frames.Length; i++)
            {
                byte[] cut = Frame.EncodeFragment(FrameType.Order, 3, 7, frames[i].MessageId, i, 513, message);
                CollectionAssert.AreEqual(frames[i].Encode(), cut, $"fragment {i} of a {length}-byte message");
                Assert.AreEqual(cut.Length, Frame.FragmentLength(length, i));
            }
        }
        byte[] tooLong = new byte[Frame.MaxPayload * Frame.MaxFragments + 1];
        Assert.ThrowsExactly<ArgumentException>(() => Frame.EncodeFragment(FrameType.Order, 0, 1, 1, 0, 1, tooLong));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Frame.EncodeFragment(FrameType.Order, 0, 1, 1, 2, 1, new byte[300]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Frame.EncodeFragment(FrameType.Order, 2, 1, 1, 0, 1, new byte[3]));
    }

    [TestMethod]
    public void ReassemblyRejectsAMessageWhoseHashIsNotItsId()
    {
        var reassembler = new Reassembler(4, 600_000);
        byte[] message = new byte[300];
        Frame[] frames = Frame.Fragment(FrameType.Order, 5, 1, message);
        var tampered = new Frame(frames[1].Type, 0, 5, frames[1].MessageId, 1, 2, 1, [9, 9, 9]);
        reassembler.Add(frames[0], 0);
        Assert.IsNull(reassembler.Add(tampered, 10));
    }

    [TestMethod]
    public void AFullStoreKeepsTheOrdersThatLastLongest()
    {
        var held = new HeldOrders(2);
        Assert.IsTrue(held.Add(1, 100));
        Assert.IsTrue(held.Add(2, 300));
        Assert.IsFalse(held.Add(3, 50), "expires sooner than everything held: not kept");
        Assert.IsTrue(held.Add(4, 200), "pushes out the one expiring soonest");
        Assert.IsFalse(held.Holds(1));
        Assert.IsTrue(held.Holds(2) && held.Holds(4));
        held.DropExpired(250);
        Assert.AreEqual(1, held.Count);
    }
}
