#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Council;
using Skold.Mesh;

namespace Skold.Tests.Portable
{
    /// <summary>
    /// The relay engine between nodes wired by hand (every frame one sends, the others hear),
    /// in the subset so a board runs it too. Host/RelayEngineTests has the longer scenarios.
    /// </summary>
    [TestClass]
    public class RelayTests
    {
        private const long EpochOffsetMs = (TestCouncil.Now - 60) * 1000L;

        private static RelayEngine Engine(TestCouncil council, int id, MemoryRelayStore store, long nowMs)
        {
            RelayConfig config = new RelayConfig(id, new LoRaModulation(9, 125000, 5), DutyCycleAccountant.ForFrequency(869525000, false));
            config.CouncilEpochOffsetMs = EpochOffsetMs;
            return new RelayEngine(config, council.Registry, new CoverageRebroadcastPolicy(3 * 15 * 60 * 1000, 0),
                new XorShiftRandom(id), store, council.Ed, nowMs);
        }

        // Runs the engines in 50 ms steps; all hear each other at 5 dB SNR. Returns frames sent by type.
        private static int[] Run(RelayEngine[] engines, long fromMs, long untilMs)
        {
            int[] sent = new int[FrameType.Count];
            for (long t = fromMs; t < untilMs; t += 50)
            {
                for (int i = 0; i < engines.Length; i++)
                {
                    OutgoingFrame? frame = engines[i].Poll(t, false);
                    if (frame == null)
                    {
                        continue;
                    }
                    sent[frame.Type]++;
                    for (int j = 0; j < engines.Length; j++)
                    {
                        if (j != i)
                        {
                            engines[j].Receive(frame.Data, 0, frame.Data.Length, 50, t);
                        }
                    }
                }
            }
            return sent;
        }

        [TestMethod]
        public void AnAuthenticOrderIsRelayedAndHeldByEveryNode()
        {
            TestCouncil council = new TestCouncil();
            RelayEngine[] engines = new RelayEngine[]
            {
                Engine(council, 1, new MemoryRelayStore(), 0),
                Engine(council, 2, new MemoryRelayStore(), 0),
                Engine(council, 3, new MemoryRelayStore(), 0),
            };
            byte[] order = council.Alert(1, "Storm i natt", new int[] { 0, 2 }).Encode();
            Assert.IsTrue(engines[0].Originate(order, 1000));
            Run(engines, 1000, 60000);
            uint id = Frame.MessageIdOf(order);
            for (int i = 0; i < engines.Length; i++)
            {
                Assert.IsTrue(engines[i].Held.Holds(id), "node " + (i + 1) + " holds the order");
            }
            Assert.AreEqual(1, engines[2].Council.Latest(OrderKind.Alert)!.Sequence, "the application sees the order too");
        }

        [TestMethod]
        public void ForgedOrUnderSignedOrdersCostNoAirtime()
        {
            TestCouncil council = new TestCouncil();
            RelayEngine a = Engine(council, 1, new MemoryRelayStore(), 0);
            RelayEngine b = Engine(council, 2, new MemoryRelayStore(), 0);
            byte[] forged = council.Alert(1, "Falskt larm", new int[] { 0, 2 }).Encode();
            forged[forged.Length - 1] ^= 1;
            byte[] underSigned = council.Alert(2, "En underskrift", new int[] { 0 }).Encode();
            Assert.IsFalse(a.Originate(forged, 0));
            byte[][] messages = new byte[][] { forged, underSigned };
            for (int m = 0; m < messages.Length; m++)
            {
                Frame[] frames = Frame.Fragment(FrameType.Order, 5, 9, messages[m]);
                for (int f = 0; f < frames.Length; f++)
                {
                    byte[] data = frames[f].Encode();
                    b.Receive(data, 0, data.Length, 30, 10);
                }
            }
            int[] sent = Run(new RelayEngine[] { a, b }, 0, 30000);
            Assert.AreEqual(0, sent[FrameType.Order], "nothing forged went back on air");
            Assert.AreEqual(2, b.Statistics.Rejected);
        }

        [TestMethod]
        public void HeldOrdersSurviveARebootAndAreNotFloodedAgain()
        {
            TestCouncil council = new TestCouncil();
            MemoryRelayStore store = new MemoryRelayStore();
            RelayEngine a = Engine(council, 1, store, 0);
            byte[] order = council.Alert(1, "Storm i natt", new int[] { 0, 2 }).Encode();
            Assert.IsTrue(a.Originate(order, 0));
            Run(new RelayEngine[] { a }, 0, 5000);
            Assert.AreEqual(1, store.OrderCount, "the order went to flash");
            RelayEngine rebooted = Engine(council, 1, store, 10000);
            Assert.IsTrue(rebooted.Held.Holds(Frame.MessageIdOf(order)));
            byte[] copy = Frame.Fragment(FrameType.Order, 5, 9, order)[0].Encode();
            rebooted.Receive(copy, 0, copy.Length, 30, 11000);
            int[] sent = Run(new RelayEngine[] { rebooted }, 11000, 60000);
            Assert.AreEqual(0, sent[FrameType.Order], "a copy of a held order is a duplicate, not news");
        }

        [TestMethod]
        public void AMalformedFrameIsCountedAndIgnored()
        {
            TestCouncil council = new TestCouncil();
            RelayEngine a = Engine(council, 1, new MemoryRelayStore(), 0);
            byte[] garbage = new byte[] { 0xff, 0x00, 0x13 };
            a.Receive(garbage, 0, garbage.Length, 30, 10);
            Assert.AreEqual(1, a.Statistics.Malformed);
            int[] sent = Run(new RelayEngine[] { a }, 0, 10000);
            Assert.AreEqual(0, sent[FrameType.Order]);
        }
    }
}
