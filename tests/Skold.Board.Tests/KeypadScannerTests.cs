using Skold.Board.Keypad;
using Skold.Board.Tests.Models;

namespace Skold.Board.Tests;

[TestClass]
public class KeypadScannerTests
{
    private const int Stable = KeypadScanner.DefaultStableScans;

    private static string Scans(KeypadScanner scanner, int count)
    {
        var keys = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            char key = scanner.Scan();
            if (key != '\0')
            {
                keys.Append(key);
            }
        }
        return keys.ToString();
    }

    [TestMethod]
    public void EveryKeyMapsToTheCharacterTheKioskExpects()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        var typed = new System.Text.StringBuilder();
        foreach (char key in "123A456B789C*0#D")
        {
            matrix.Press(key);
            typed.Append(Scans(scanner, Stable));
            matrix.Release(key);
            Scans(scanner, Stable);
        }
        Assert.AreEqual("123A456B789C*0#D", typed.ToString());
        // Station.Kiosk's key set: 0-9, A-D, * and #, each once.
        CollectionAssert.AreEquivalent("0123456789ABCD*#".ToCharArray(), KeypadLayout.Standard.ToCharArray());
    }

    [TestMethod]
    public void APressCountsAfterNEqualScansAndOnlyOnceWhileHeld()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        matrix.Press('5');
        Assert.AreEqual("", Scans(scanner, Stable - 1), "not before N equal scans");
        Assert.AreEqual("5", Scans(scanner, 1));
        Assert.AreEqual("", Scans(scanner, 500), "holding does not repeat");
        matrix.Release('5');
        Assert.AreEqual("", Scans(scanner, Stable));
        matrix.Press('5');
        Assert.AreEqual("5", Scans(scanner, Stable), "a new press after a release counts");
    }

    [TestMethod]
    public void BouncingContactsGiveOnePressOnPressAndNoneOnRelease()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        bool[] press = [true, false, true, true, false, true, false, true, true, true, true, true];
        bool[] release = [false, true, false, false, true, false, true, false, false, false, false, false];
        var typed = new System.Text.StringBuilder();
        foreach (bool closed in press.Concat(release))
        {
            matrix.Set('#', closed);
            typed.Append(Scans(scanner, 1));
        }
        Assert.AreEqual("#", typed.ToString());
    }

    [TestMethod]
    public void ABounceShorterThanNScansIsNotAPress()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        for (int i = 0; i < 20; i++)
        {
            matrix.Set('7', i % Stable == 0);
            Assert.AreEqual('\0', scanner.Scan());
        }
    }

    [TestMethod]
    public void TwoKeysAtOnceAreIgnoredUntilTheKeypadIsLetGo()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        matrix.Press('1');
        matrix.Press('9');
        Assert.AreEqual("", Scans(scanner, 10), "two keys together mean a slipped glove");
        matrix.Release('1');
        Assert.AreEqual("", Scans(scanner, 10), "the key left down is not a new press");
        matrix.Release('9');
        Scans(scanner, Stable);
        matrix.Press('9');
        Assert.AreEqual("9", Scans(scanner, Stable));
    }

    [TestMethod]
    public void ASecondKeyWhileTheFirstIsHeldCountsNothing()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        matrix.Press('A');
        Assert.AreEqual("A", Scans(scanner, Stable));
        matrix.Press('B');
        Assert.AreEqual("", Scans(scanner, 10));
        matrix.Release('A');
        Assert.AreEqual("", Scans(scanner, 10));
        matrix.Release('B');
        Assert.AreEqual("", Scans(scanner, 10));
    }

    [TestMethod]
    public void GhostKeysOfThreeCornersAreIgnored()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        // 1 (r0,c0), 2 (r0,c1) and 5 (r1,c1) make 4 (r1,c0) read as closed too.
        matrix.Press('1');
        matrix.Press('2');
        matrix.Press('5');
        Assert.AreEqual("", Scans(scanner, 10));
        int ghost = 1 << 4;
        Assert.AreNotEqual(0, scanner.Closed & ghost, "the model shows the ghost, so the test means something");
    }

    [TestMethod]
    public void EveryScanLeavesTheRowsReleased()
    {
        var matrix = new KeypadMatrix();
        var scanner = new KeypadScanner(matrix, KeypadLayout.Standard, Stable);
        scanner.Scan();
        Assert.AreEqual(5, matrix.RowSelections, "four rows, then all released");
        Assert.AreEqual(0, matrix.ReadColumns());
    }

    [TestMethod]
    public void ALayoutThatIsNot16KeysIsRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new KeypadScanner(new KeypadMatrix(), "123", Stable));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeypadScanner(new KeypadMatrix(), KeypadLayout.Standard, 0));
    }
}
