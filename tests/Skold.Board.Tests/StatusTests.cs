using Skold.Board.Power;
using Skold.Board.Status;

namespace Skold.Board.Tests;

[TestClass]
public sealed class StatusTests
{
    private static int Blinks(int state)
    {
        int cycle = LedPattern.CycleMs(state);
        int rising = 0;
        bool was = LedPattern.IsOn(state, cycle - 1);
        for (int t = 0; t < cycle; t++)
        {
            bool on = LedPattern.IsOn(state, t);
            if (on && !was)
            {
                rising++;
            }
            was = on;
        }
        return rising;
    }

    private static int OnMs(int state) => Enumerable.Range(0, LedPattern.CycleMs(state)).Count(t => LedPattern.IsOn(state, t));

    [TestMethod]
    public void EachStateHasTheBlinkPatternTheReadmeDescribes()
    {
        Assert.AreEqual(3, Blinks(LedState.NotProvisioned), "three short blinks, pause");
        Assert.AreEqual(2000, LedPattern.CycleMs(LedState.NotProvisioned));
        Assert.AreEqual(1, Blinks(LedState.Running));
        Assert.AreEqual(5000, LedPattern.CycleMs(LedState.Running));
        Assert.AreEqual(100, OnMs(LedState.Running), "a 0.1 s blink every 5 s: little light, little battery");
        Assert.AreEqual(2, Blinks(LedState.BatteryLow));
        Assert.AreEqual(5000, LedPattern.CycleMs(LedState.BatteryLow));
        Assert.AreEqual(2, Blinks(LedState.BatteryCritical));
        Assert.AreEqual(2000, LedPattern.CycleMs(LedState.BatteryCritical));
        Assert.AreEqual(200, LedPattern.CycleMs(LedState.SelfTestFailed), "5 blinks a second");
        Assert.AreEqual(LedPattern.CycleMs(LedState.Transmitting), OnMs(LedState.Transmitting), "steady");
        Assert.AreEqual(LedPattern.CycleMs(LedState.SelfTesting), OnMs(LedState.SelfTesting), "steady");
        Assert.AreEqual(2000, OnMs(LedState.SelfTestPassed));
        Assert.AreEqual(4000, LedPattern.CycleMs(LedState.SelfTestPassed));
    }

    [TestMethod]
    public void TheTimeToTheNextLedChangeLandsOnAnEdge()
    {
        foreach (int state in new[] { LedState.Running, LedState.NotProvisioned, LedState.BatteryLow, LedState.SelfTestFailed })
        {
            for (int t = 0; t < LedPattern.CycleMs(state) * 2; t += 37)
            {
                long next = LedPattern.MsToNextChange(state, t);
                Assert.IsTrue(next >= 1);
                Assert.AreEqual(LedPattern.IsOn(state, t), LedPattern.IsOn(state, t + next - 1), $"state {state} at {t}: no change before {next} ms");
                Assert.AreNotEqual(LedPattern.IsOn(state, t), LedPattern.IsOn(state, t + next), $"state {state} at {t}: a change after {next} ms");
            }
        }
    }

    [TestMethod]
    public void TheMostUrgentStateWins()
    {
        Assert.AreEqual(LedState.SelfTestFailed, LedPattern.Choose(true, true, true, true, BatteryLevel.Critical, true));
        Assert.AreEqual(LedState.NotProvisioned, LedPattern.Choose(false, true, false, true, BatteryLevel.Critical, false));
        Assert.AreEqual(LedState.Transmitting, LedPattern.Choose(false, false, false, true, BatteryLevel.Low, false));
        Assert.AreEqual(LedState.BatteryCritical, LedPattern.Choose(false, false, false, false, BatteryLevel.Critical, true));
        Assert.AreEqual(LedState.BatteryLow, LedPattern.Choose(false, false, false, false, BatteryLevel.Low, false));
        Assert.AreEqual(LedState.SelfTestPassed, LedPattern.Choose(false, false, false, false, BatteryLevel.Good, true));
        Assert.AreEqual(LedState.Running, LedPattern.Choose(false, false, false, false, BatteryLevel.Unknown, false));
    }

    private static List<int> Press(Button button, IEnumerable<(long At, bool Pressed)> samples)
    {
        var events = new List<int>();
        foreach ((long at, bool pressed) in samples)
        {
            int e = button.Sample(pressed, at);
            if (e != ButtonEvent.None)
            {
                events.Add(e);
            }
        }
        return events;
    }

    private static IEnumerable<(long, bool)> Level(long from, long to, bool pressed, int every = 10)
    {
        for (long t = from; t < to; t += every)
        {
            yield return (t, pressed);
        }
    }

    [TestMethod]
    public void ABouncingContactMakesOneShortPress()
    {
        var button = new Button();
        var samples = Level(0, 200, false)
            .Concat([(200L, true), (205L, false), (210L, true), (214L, false), (218L, true)])
            .Concat(Level(220, 500, true))
            .Concat([(500L, false), (504L, true), (508L, false)])
            .Concat(Level(510, 800, false));
        CollectionAssert.AreEqual(new[] { ButtonEvent.ShortPress }, Press(button, samples));
    }

    [TestMethod]
    public void GlitchesShorterThanTheDebounceAreIgnored()
    {
        var button = new Button();
        var samples = Level(0, 1000, false).Select(s => s.Item1 % 200 == 100 ? (s.Item1, true) : s);
        Assert.AreEqual(0, Press(button, samples).Count);
    }

    [TestMethod]
    public void HoldingTheButtonIsALongPressOnceAndNoShortPress()
    {
        var button = new Button();
        var samples = Level(0, 100, false).Concat(Level(100, 3000, true)).Concat(Level(3000, 3200, false));
        CollectionAssert.AreEqual(new[] { ButtonEvent.LongPress }, Press(button, samples));
    }

    [TestMethod]
    public void HeldAtBootStartsTheSelfTestOnlyWhenHeldLongEnough()
    {
        bool[] Samples(int heldMs, int totalMs = 2000) => Enumerable.Range(0, totalMs / 10).Select(i => i * 10 < heldMs).ToArray();
        Assert.IsTrue(Button.HeldAtBoot(Samples(2000), 200, 10));
        Assert.IsTrue(Button.HeldAtBoot(Samples(1100), 200, 10));
        Assert.IsFalse(Button.HeldAtBoot(Samples(800), 200, 10), "released before a second");
        Assert.IsFalse(Button.HeldAtBoot(Samples(0), 200, 10), "not pressed");
        bool[] bouncy = Samples(2000);
        bouncy[1] = false;
        bouncy[3] = false;
        Assert.IsTrue(Button.HeldAtBoot(bouncy, 200, 10), "contact bounce as the board powers up");
        bool[] late = Enumerable.Range(0, 200).Select(i => i >= 50).ToArray();
        Assert.IsFalse(Button.HeldAtBoot(late, 200, 10), "pressed half a second after power-on: a normal boot");
    }
}
