using Skold.Board.Kiosk;

namespace Skold.Board.Tests;

[TestClass]
public class SyncScheduleTests
{
    [TestMethod]
    public void TriesWaitForNoOperatorThenBackOffAndAreRareAfterSuccess()
    {
        var schedule = new SyncSchedule(0);
        Assert.IsFalse(schedule.Due(SyncSchedule.FirstMs - 1, false));
        Assert.IsTrue(schedule.Due(SyncSchedule.FirstMs, false));
        Assert.IsFalse(schedule.Due(SyncSchedule.FirstMs, true), "never while someone is logged in");
        schedule.Tried(200_000, false);
        Assert.IsFalse(schedule.Due(200_000 + SyncSchedule.RetryMs - 1, false));
        Assert.IsTrue(schedule.Due(200_000 + SyncSchedule.RetryMs, false));
        schedule.Tried(3_000_000, true);
        Assert.IsFalse(schedule.Due(3_000_000 + SyncSchedule.RetryMs, false));
        Assert.IsTrue(schedule.Due(3_000_000 + SyncSchedule.AfterSuccessMs, false));
        Assert.AreEqual(2, schedule.Tries);
    }
}
