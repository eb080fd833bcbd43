using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Mesh;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class DutyCycleAccountantTests
    {
        private const long Hour = 3600000;
        private const long Second = 1000000;

        [TestMethod]
        public void OnePercentSubBandAllowsExactly36SecondsPerRollingHour()
        {
            DutyCycleAccountant accountant = DutyCycleAccountant.ForFrequency(868100000, false);
            Assert.AreEqual(36000000L, accountant.SubBand.LimitMicrosecondsPerHour);
            for (int i = 0; i < 36; i++)
            {
                Assert.IsTrue(accountant.CanTransmit(i * 10000L, Second), "frame " + i);
                accountant.Record(i * 10000L, Second);
            }
            Assert.AreEqual(36000000L, accountant.UsedMicroseconds(360000));
            Assert.AreEqual(0L, accountant.HeadroomMicroseconds(360000));
            Assert.IsFalse(accountant.CanTransmit(360000, 1), "not one microsecond more");
            Assert.IsFalse(accountant.CanTransmit(Hour - 1, Second), "the first frame is still in the hour");
            Assert.AreEqual(Hour, accountant.EarliestStartMs(360000, Second));
            Assert.IsTrue(accountant.CanTransmit(Hour, Second), "the first frame has left the hour");
            accountant.Record(Hour, Second);
            Assert.IsFalse(accountant.CanTransmit(Hour + 1000, Second), "the hour is full again");
            Assert.AreEqual(Hour + 10000, accountant.EarliestStartMs(Hour + 1000, Second), "when the second frame has left");
        }

        [TestMethod]
        public void TenPercentSubBandAllows360SecondsPerHour()
        {
            DutyCycleAccountant accountant = DutyCycleAccountant.ForFrequency(869525000, false);
            Assert.AreEqual("h1.6", accountant.SubBand.Name);
            // 36 frames of ten seconds back to back: six minutes of continuous transmission.
            for (int i = 0; i < 36; i++)
            {
                accountant.Record(i * 10000L, 10 * Second);
            }
            Assert.AreEqual(360L * Second, accountant.UsedMicroseconds(360000));
            Assert.IsFalse(accountant.CanTransmit(360000, 1));
            Assert.AreEqual(Hour, accountant.EarliestStartMs(360000, 10 * Second));
            // However short the frame, the hour that ends with it must have lost the first frame's start.
            Assert.AreEqual(Hour, accountant.EarliestStartMs(360000, 1000));
        }

        [TestMethod]
        public void PointOnePercentSubBandNeverTakesAFullSf12Frame()
        {
            DutyCycleAccountant accountant = DutyCycleAccountant.ForFrequency(868900000, false);
            long frame = LoRaAirtime.TimeOnAirMicroseconds(new LoRaModulation(12, 125000, 5), 255);
            Assert.AreEqual(3600000L, accountant.SubBand.LimitMicrosecondsPerHour);
            Assert.IsFalse(accountant.CanTransmit(0, frame));
            Assert.AreEqual(DutyCycleAccountant.Never, accountant.EarliestStartMs(0, frame));
            Assert.IsTrue(accountant.CanTransmit(0, 3600000));
        }

        [TestMethod]
        public void RecordRefusesATransmissionOverTheLimitAndKeepsItsCount()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H14);
            accountant.Record(0, 30 * Second);
            bool threw = false;
            try
            {
                accountant.Record(60000, 7 * Second);
            }
            catch (InvalidOperationException)
            {
                threw = true;
            }
            Assert.IsTrue(threw, "the relay engine must ask first");
            Assert.AreEqual(30L * Second, accountant.UsedMicroseconds(60000));
            accountant.Record(60000, 6 * Second);
            Assert.AreEqual(36L * Second, accountant.UsedMicroseconds(70000));
        }

        [TestMethod]
        public void HeadroomCountsOldAirtimeThatLeavesTheHourDuringTheTransmission()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H14);
            accountant.Record(0, 36 * Second);
            // Ten seconds before the old frame starts leaving, nothing fits.
            Assert.AreEqual(0L, accountant.HeadroomMicroseconds(Hour - 10000));
            // Five seconds after, 31 s are still in the hour, yet a 36 s frame fits: by its end
            // the old one has gone.
            Assert.AreEqual(31L * Second, accountant.UsedMicroseconds(Hour + 5000));
            Assert.AreEqual(36L * Second, accountant.HeadroomMicroseconds(Hour + 5000));
            Assert.IsTrue(accountant.CanTransmit(Hour + 5000, 36 * Second));
            Assert.IsFalse(accountant.CanTransmit(Hour + 5000, 36 * Second + 1));
        }

        [TestMethod]
        public void EarliestStartIsExactToTheMillisecond()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H17);
            accountant.Record(0, 20 * Second + 123);
            accountant.Record(100000, 15 * Second);
            // 35 s + 123 us used; a 2 s frame needs 1 s + 123 us of the first frame gone.
            long earliest = accountant.EarliestStartMs(200000, 2 * Second);
            Assert.AreEqual(Hour - 2000 + 1001, earliest);
            Assert.IsTrue(accountant.CanTransmit(earliest, 2 * Second));
            Assert.IsFalse(accountant.CanTransmit(earliest - 1, 2 * Second));
            Assert.AreEqual(999877L, accountant.HeadroomMicroseconds(200000));
            Assert.AreEqual(200000L, accountant.EarliestStartMs(200000, 999877), "what fits now starts now");
            Assert.AreEqual(Hour - 1000 + 1, accountant.EarliestStartMs(200000, 999878));
        }

        [TestMethod]
        public void AFullRingMergesWithoutUnderCounting()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H16, 2);
            accountant.Record(0, Second);
            accountant.Record(10000, Second);
            accountant.Record(20000, Second);
            // The first two merged into 2 s ending at 11 s: 3 s counted where 2.5 s are really
            // left at 3600.5 s; never less than the truth.
            Assert.AreEqual(3L * Second, accountant.UsedMicroseconds(Hour + 500));
            Assert.AreEqual(3L * Second, accountant.UsedMicroseconds(20000 + 1000));
            Assert.AreEqual(0L, accountant.UsedMicroseconds(Hour + 21000));
        }

        [TestMethod]
        public void AnOverlappingTransmissionIsCountedFromThePreviousEnd()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H14);
            accountant.Record(0, 2 * Second);
            accountant.Record(1000, Second);
            Assert.AreEqual(3L * Second, accountant.UsedMicroseconds(3000));
            Assert.AreEqual(2L * Second, accountant.UsedMicroseconds(2000), "the second frame is counted from 2 s");
        }

        [TestMethod]
        public void AmateurModeAlwaysAllowsAndStillReportsAirtime()
        {
            DutyCycleAccountant accountant = DutyCycleAccountant.ForFrequency(434000000, true);
            Assert.IsFalse(accountant.SubBand.HasDutyCycleLimit);
            for (int i = 0; i < 100; i++)
            {
                Assert.IsTrue(accountant.CanTransmit(i * 9000L, 9 * Second));
                accountant.Record(i * 9000L, 9 * Second);
            }
            Assert.AreEqual(900L * Second, accountant.UsedMicroseconds(900000));
            Assert.AreEqual(long.MaxValue, accountant.HeadroomMicroseconds(900000));
            Assert.AreEqual(900000L, accountant.EarliestStartMs(900000, Hour * 1000));
        }

        [TestMethod]
        public void ForFrequencyPicksTheSubBandOrRefusesClearly()
        {
            Assert.AreEqual("h1.4", DutyCycleAccountant.ForFrequency(868000000, false).SubBand.Name);
            Assert.AreEqual("h1.4", DutyCycleAccountant.ForFrequency(868600000, false).SubBand.Name);
            Assert.AreEqual("h1.5", DutyCycleAccountant.ForFrequency(869100000, false).SubBand.Name);
            Assert.AreEqual("h1.6", DutyCycleAccountant.ForFrequency(869400000, false).SubBand.Name);
            Assert.AreEqual("h1.7", DutyCycleAccountant.ForFrequency(870000000, false).SubBand.Name);
            Assert.AreEqual(36000000L, SubBand.H17.LimitMicrosecondsPerHour);
            Assert.AreEqual(500, SubBand.H16.MaxErpMilliwatts);
            Assert.AreEqual("h1.5 868.700 MHz - 869.200 MHz: 0.1% duty cycle, 25 mW e.r.p.", SubBand.H15.ToString());
            Assert.IsTrue(Refusal(868650000, false).StartsWith("868.650 MHz is outside every licence-free EU868 sub-band"));
            Assert.IsTrue(Refusal(868600001, false).StartsWith("868.600 MHz is outside"));
            Assert.IsTrue(Refusal(433175000, false).StartsWith("433.175 MHz is outside every licence-free"));
            Assert.IsTrue(Refusal(869525000, true).StartsWith("869.525 MHz is outside the 70 cm amateur band"));
        }

        [TestMethod]
        public void ArgumentsOutsideTheirRangesAreRefused()
        {
            DutyCycleAccountant accountant = new DutyCycleAccountant(SubBand.H14);
            Assert.IsTrue(OutOfRange(accountant, -1, 0));
            Assert.IsTrue(OutOfRange(accountant, 0, -1));
            Assert.IsTrue(OutOfRange(accountant, 0, Hour * 1000 + 1));
            Assert.IsFalse(OutOfRange(accountant, 0, Hour * 1000));
        }

        [TestMethod]
        public void RandomTrafficMatchesABruteForceModelAndASmallRingStaysConservative()
        {
            // About 25 transmissions fit in an hour here: eight records force merges all the time.
            int refusedBySmallOnly = RandomTraffic(8, 0x5eed);
            Assert.IsTrue(refusedBySmallOnly < 30, "the small ring is not far too cautious: " + refusedBySmallOnly);
        }

        [TestMethod]
        public void EvenATwoRecordRingNeverAllowsTooMuch()
        {
            RandomTraffic(2, 0x2);
            RandomTraffic(3, 0x3);
        }

        // Random traffic in a 1% band, checked against a brute-force model; returns how often the
        // small ring refused what the exact accountant allowed.
        private static int RandomTraffic(int capacity, ulong seed)
        {
            DutyCycleAccountant exact = new DutyCycleAccountant(SubBand.H14, 1024);
            DutyCycleAccountant small = new DutyCycleAccountant(SubBand.H14, capacity);
            long limit = SubBand.H14.LimitMicrosecondsPerHour;
            long[] starts = new long[400];
            long[] ends = new long[400];
            int count = 0;
            ulong state = seed;
            long now = 0;
            int sent = 0;
            int refusedBySmallOnly = 0;
            for (int attempt = 0; attempt < 400; attempt++)
            {
                now += 3000 + Next(ref state, 37000);
                long airtime = 50000 + Next(ref state, 2950000);
                bool allowed = Allowed(starts, ends, count, now * 1000, airtime, limit);
                Assert.AreEqual(allowed, exact.CanTransmit(now, airtime), "attempt " + attempt);
                Assert.IsTrue(allowed || !small.CanTransmit(now, airtime), "the small ring allowed too much at attempt " + attempt);
                long used = Used(starts, ends, count, now * 1000);
                Assert.AreEqual(used, exact.UsedMicroseconds(now));
                Assert.IsTrue(small.UsedMicroseconds(now) >= used, "the small ring under-counted at attempt " + attempt);

                long earliest = exact.EarliestStartMs(now, airtime);
                Assert.IsTrue(Allowed(starts, ends, count, earliest * 1000, airtime, limit));
                Assert.IsTrue(earliest == now || !Allowed(starts, ends, count, (earliest - 1) * 1000, airtime, limit), "earliest is exact");
                Assert.IsTrue(small.EarliestStartMs(now, airtime) >= earliest);

                long headroom = exact.HeadroomMicroseconds(now);
                Assert.IsTrue(Allowed(starts, ends, count, now * 1000, headroom, limit), "headroom fits");
                Assert.IsFalse(Allowed(starts, ends, count, now * 1000, headroom + 1, limit), "headroom is the most");

                if (small.CanTransmit(now, airtime))
                {
                    exact.Record(now, airtime);
                    small.Record(now, airtime);
                    starts[count] = now * 1000;
                    ends[count] = now * 1000 + airtime;
                    count++;
                    sent++;
                    // The next attempt starts after this frame has ended: no overlap to resolve.
                    now += (airtime + 999) / 1000;
                }
                else if (allowed)
                {
                    refusedBySmallOnly++;
                }
            }
            Assert.IsTrue(sent > 20, "enough traffic went out: " + sent);
            Assert.IsTrue(sent < 300, "the limit was reached often: " + sent);
            return refusedBySmallOnly;
        }

        // An independent model: the fullest hour starts where some transmission starts, so
        // check every hour that starts at a transmission and holds the new one.
        private static bool Allowed(long[] starts, long[] ends, int count, long start, long airtime, long limit)
        {
            long end = start + airtime;
            for (int i = -1; i < count; i++)
            {
                long from = i < 0 ? start : starts[i];
                long to = from + Hour * 1000;
                if (to <= start || from > start)
                {
                    continue;
                }
                long total = Overlap(start, end, from, to);
                for (int j = 0; j < count; j++)
                {
                    total += Overlap(starts[j], ends[j], from, to);
                }
                if (total > limit)
                {
                    return false;
                }
            }
            return true;
        }

        private static long Used(long[] starts, long[] ends, int count, long now)
        {
            long total = 0;
            for (int j = 0; j < count; j++)
            {
                total += Overlap(starts[j], ends[j], now - Hour * 1000, now);
            }
            return total;
        }

        private static long Overlap(long start, long end, long from, long to)
        {
            long a = start > from ? start : from;
            long b = end < to ? end : to;
            return b > a ? b - a : 0;
        }

        private static long Next(ref ulong state, int bound)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return (long)((state >> 33) % (ulong)bound);
        }

        private static string Refusal(long hz, bool amateur)
        {
            try
            {
                DutyCycleAccountant.ForFrequency(hz, amateur);
                return "allowed";
            }
            catch (ArgumentOutOfRangeException e)
            {
                return e.Message;
            }
        }

        private static bool OutOfRange(DutyCycleAccountant accountant, long nowMs, long airtime)
        {
            try
            {
                accountant.CanTransmit(nowMs, airtime);
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }
    }
}
