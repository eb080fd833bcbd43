using Skold.Board.Kiosk;
using Skold.Council;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

[TestClass]
public class OrderListenerTests
{
    private static KioskStation Station(ProvisionedKiosk p, byte[]? rules = null) =>
        KioskStation.Open(p.File, new MemoryJournalStorage(65536), rules, TestCouncil.Now, p.Ed);

    private static byte[]? Hear(OrderListener listener, byte[] order, uint now)
    {
        byte[]? applied = null;
        foreach (Frame frame in Frame.Fragment(FrameType.Order, 2, 7, order))
        {
            byte[] data = frame.Encode();
            applied ??= listener.Receive(data, 0, data.Length, now, now * 1000L);
        }
        return applied;
    }

    [TestMethod]
    public void ARulesOrderHeardOverLoRaGoesIntoForceAndIsReturnedForFlash()
    {
        var p = new ProvisionedKiosk();
        KioskStation station = Station(p);
        var listener = new OrderListener(station);
        byte[] order = p.RulesOrder(sequence: 3, food: 4);
        byte[]? stored = Hear(listener, order, TestCouncil.Now + 10);
        CollectionAssert.AreEqual(order, stored);
        Assert.AreEqual(4, station.Book!.Rules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
        Assert.IsNull(Hear(listener, order, TestCouncil.Now + 20), "a relay's repeat changes nothing");
        Assert.AreEqual(1, listener.RulesApplied);

        // After a reboot, the stored order restores the rules.
        KioskStation rebooted = KioskStation.Open(p.File, new MemoryJournalStorage(65536), stored, TestCouncil.Now + 30, p.Ed);
        Assert.IsNull(rebooted.RulesProblem, rebooted.RulesProblem);
        Assert.AreEqual(4, rebooted.Book!.Rules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
    }

    [TestMethod]
    public void AForgedOrOlderRulesOrderIsNotPutInForce()
    {
        var p = new ProvisionedKiosk();
        KioskStation station = Station(p, p.RulesOrder(sequence: 5, food: 3));
        var listener = new OrderListener(station);
        Assert.IsNull(Hear(listener, p.RulesOrder(sequence: 4, food: 9), TestCouncil.Now + 10));
        Assert.IsNotNull(listener.LastProblem);
        Assert.IsNull(Hear(listener, p.Council.Rules(6, 9, [0]).Encode(), TestCouncil.Now + 20), "one signature is not the council");
        Assert.AreEqual(3, station.Book!.Rules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
    }

    [TestMethod]
    public void OtherFramesAndNoiseAreLetGo()
    {
        var p = new ProvisionedKiosk();
        KioskStation station = Station(p);
        var listener = new OrderListener(station);
        Assert.IsNull(Hear(listener, p.Council.Alert(2, "Storm", [0, 1, 2, 3, 4, 5, 6, 7]).Encode(), TestCouncil.Now + 5));
        byte[] noise = [0xff, 1, 2];
        Assert.IsNull(listener.Receive(noise, 0, noise.Length, TestCouncil.Now, 0));
        Assert.AreEqual(1, listener.Ignored);
        Assert.IsNull(station.Book!.Rules);
        uint before = station.Journal!.Records;
        Assert.AreEqual(before, station.Journal.Records, "nothing recorded");
    }
}
