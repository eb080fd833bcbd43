using System.Collections;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Crypto;
using Skold.Station;

namespace Skold.Tests.Portable
{
    /// <summary>
    /// The station journal on simulated NOR flash, in the subset so a board runs it too.
    /// Host/JournalTests has the exhaustive power-cut sweep (over 3,000 cuts).
    /// </summary>
    [TestClass]
    public class StationJournalTests
    {
        private const uint Time = 100000000;

        private sealed class Collector : IJournalReader
        {
            public readonly ArrayList Records = new ArrayList();

            public void Read(JournalRecord journalRecord)
            {
                Records.Add(journalRecord);
            }
        }

        private sealed class Station
        {
            public readonly Ed25519 Ed = new Ed25519();
            public readonly Ed25519PrivateKey Key;
            public readonly byte[] CouncilId = new byte[32];
            public readonly HouseholdCard Cards;

            public Station()
            {
                byte[] seed = new byte[32];
                byte[] crisisKey = new byte[32];
                for (int i = 0; i < 32; i++)
                {
                    seed[i] = (byte)(i + 1);
                    CouncilId[i] = (byte)(200 - i);
                    crisisKey[i] = (byte)(i * 3);
                }
                Key = Ed.CreatePrivateKey(seed);
                Cards = new HouseholdCard(crisisKey);
            }

            public Journal Open(IJournalStorage storage, IJournalReader? reader)
            {
                return Journal.Open(storage, Ed, Key, 3, CouncilId, Cards.KeyId, Time, 8, reader);
            }

            public JournalRecord HandOut(int i)
            {
                string stem = (100000 + i).ToString();
                byte[] household = Cards.Pseudonym(stem + HouseholdCard.CheckDigit(stem));
                return JournalRecord.HandOut(Time + (uint)i, 1, household, 1 + i % 3, 1 + i % 2);
            }
        }

        [TestMethod]
        public void ReopeningReplaysEveryRecordWithTheSameChainHead()
        {
            Station station = new Station();
            SimulatedFlash flash = new SimulatedFlash(16384);
            Journal journal = station.Open(flash, null);
            for (int i = 0; i < 20; i++)
            {
                journal.Append(station.HandOut(i));
            }
            journal.Checkpoint(Time + 100, JournalRecord.CheckpointShutdown);
            Collector collector = new Collector();
            Journal again = station.Open(flash, collector);
            Assert.AreEqual(journal.Records, again.Records);
            Assert.AreEqual(TestHex.Encode(journal.Head), TestHex.Encode(again.Head));
            Assert.AreEqual(RecordKind.Opened, ((JournalRecord)collector.Records[0]!).Kind);
            int handOuts = 0;
            for (int i = 0; i < collector.Records.Count; i++)
            {
                if (((JournalRecord)collector.Records[i]!).Kind == RecordKind.HandOut)
                {
                    handOuts++;
                }
            }
            Assert.AreEqual(20, handOuts);
            JournalScan scan = JournalScan.Run(flash, station.Ed, null);
            Assert.IsTrue(scan.Valid, scan.Error);
            Assert.AreEqual(scan.Records, scan.CheckpointedRecords + 1, "the head is signed");
        }

        [TestMethod]
        public void APowerCutInTheMiddleOfAnAppendLosesNoCommittedRecord()
        {
            Station station = new Station();
            // A clean run counts the write steps one append takes.
            SimulatedFlash probe = new SimulatedFlash(8192);
            Journal clean = station.Open(probe, null);
            clean.Append(station.HandOut(0));
            int before = probe.WriteSteps;
            clean.Append(station.HandOut(1));
            int stepsPerAppend = probe.WriteSteps - before;
            Assert.IsTrue(stepsPerAppend > 10, "an append takes " + stepsPerAppend + " write steps");

            for (int cut = 0; cut < stepsPerAppend; cut += 7)
            {
                SimulatedFlash flash = new SimulatedFlash(8192);
                Journal journal = station.Open(flash, null);
                journal.Append(station.HandOut(0));
                uint committed = journal.Records;
                string committedHead = TestHex.Encode(journal.Head);
                flash.CutPowerAfter(cut, (uint)(cut + 1));
                bool cutHappened = false;
                try
                {
                    journal.Append(station.HandOut(1));
                }
                catch (PowerCutException)
                {
                    cutHappened = true;
                }
                Assert.IsTrue(cutHappened, "power was cut at step " + cut);
                flash.RestorePower();
                Journal rebooted = station.Open(flash, null);
                Assert.AreEqual(committed, rebooted.Records, "after a cut at step " + cut + " the committed records are all there and the torn one is gone");
                Assert.AreEqual(committedHead, TestHex.Encode(rebooted.Head));
                rebooted.Append(station.HandOut(2));
                Assert.AreEqual(committed + 1, rebooted.Records, "the station works on after the cut");
            }
        }

        [TestMethod]
        public void ADamagedCommittedRecordIsDetected()
        {
            Station station = new Station();
            SimulatedFlash flash = new SimulatedFlash(8192);
            Journal journal = station.Open(flash, null);
            for (int i = 0; i < 5; i++)
            {
                journal.Append(station.HandOut(i));
            }
            JournalScan intact = JournalScan.Run(flash, station.Ed, null);
            Assert.IsTrue(intact.Valid, intact.Error);
            // Flip one bit inside the committed data, as a failing cell or an editor would.
            int offset = intact.End / 2;
            flash.Poke(offset, (byte)(flash.Peek(offset) ^ 0x04));
            JournalScan damaged = JournalScan.Run(flash, station.Ed, null);
            Assert.IsFalse(damaged.Valid, "one flipped bit at offset " + offset + " must be found");
            bool refused = false;
            try
            {
                station.Open(flash, null);
            }
            catch (JournalCorruptException)
            {
                refused = true;
            }
            Assert.IsTrue(refused, "a damaged journal is not continued");
        }
    }
}
