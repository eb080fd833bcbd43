using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

[TestClass]
public class KioskReportAtRelayTests
{
    private sealed class FixedRandom : IRandomSource
    {
        public int Next(int maxExclusive) => 0;
    }

    [TestMethod]
    public void ARelayWithTheStationsNumberStillForwardsTheKiosksReport()
    {
        var p = new ProvisionedKiosk();
        var bench = new StationBench();
        var modulation = new LoRaModulation(9, 125000, 5);
        var reporter = new StationReporter(p.Registry, ProvisionedKiosk.StationId, p.Ed.CreatePrivateKey(ProvisionedKiosk.DeviceSeed), p.Ed,
            modulation, DutyCycleAccountant.ForFrequency(869_525_000, false), 0);
        byte[] frame = reporter.Next(bench.Book, bench.Journal.Records, 0, TestCouncil.Now, 0)!;
        // Relay number 3, the same number as station 3.
        var relay = new RelayEngine(new RelayConfig(ProvisionedKiosk.StationId, modulation, DutyCycleAccountant.ForFrequency(869_525_000, false))
            { CouncilEpochOffsetMs = (TestCouncil.Now - 60) * 1000L }, p.Registry, new CoverageRebroadcastPolicy(45 * 60 * 1000, 0),
            new FixedRandom(), new MemoryRelayStore(), p.Ed, 0);
        relay.Receive(frame, 0, frame.Length, 50, 10);
        Assert.AreEqual(1, relay.Statistics.ReportsRelayed, "verified and queued for the next hop");
        // Sent with the station number as sender, the relay would have taken it for its own echo.
        Frame echo = Frame.Decode(frame, 0, frame.Length);
        byte[] asOwn = new Frame(echo.Type, echo.HopCount, echo.HopLimit, echo.MessageId, 0, 1, ProvisionedKiosk.StationId, echo.Payload).Encode();
        var other = new RelayEngine(new RelayConfig(ProvisionedKiosk.StationId, modulation, DutyCycleAccountant.ForFrequency(869_525_000, false))
            { CouncilEpochOffsetMs = (TestCouncil.Now - 60) * 1000L }, p.Registry, new CoverageRebroadcastPolicy(45 * 60 * 1000, 0),
            new FixedRandom(), new MemoryRelayStore(), p.Ed, 0);
        other.Receive(asOwn, 0, asOwn.Length, 50, 10);
        Assert.AreEqual(0, other.Statistics.ReportsRelayed);
    }
}
