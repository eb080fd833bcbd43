using Skold.Board.Kiosk;

namespace Skold.Board.Tests;

[TestClass]
public class ProblemScreenTests
{
    [TestMethod]
    public void WordsWrapToTwentyColumnsAndOverflowEndsInDots()
    {
        string[] lines = ProblemScreen.Wrap("registry update 1 is not in force: the order is signed by too few members of the council", 3);
        Assert.AreEqual("registry update 1 is", lines[0]);
        Assert.AreEqual("not in force: the", lines[1]);
        Assert.AreEqual("order is signed b...", lines[2]);
        Assert.IsTrue(lines.All(l => l.Length <= 20));
    }

    [TestMethod]
    public void AWordLongerThanARowIsSplit()
    {
        string[] lines = ProblemScreen.Wrap("see http://ledger.example.org/sync/3 now", 3);
        Assert.AreEqual("see http://ledger.ex", lines[0]);
        Assert.AreEqual("ample.org/sync/3 now", lines[1]);
        Assert.AreEqual("", lines[2]);
    }

    [TestMethod]
    public void EmptyReasonGivesBlankRows()
    {
        CollectionAssert.AreEqual(new[] { "T", "", "", "" }, ProblemScreen.Lines("T", ""));
    }
}
