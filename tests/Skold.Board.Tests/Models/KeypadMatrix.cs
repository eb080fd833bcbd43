using Skold.Board.Keypad;

namespace Skold.Board.Tests.Models;

/// <summary>
/// A 4x4 key matrix without diodes: a column reads low when it is connected to the pulled-low
/// row through closed keys, also through other rows and columns (so three keys on the corners
/// of a rectangle make the fourth look pressed: a ghost).
/// </summary>
public sealed class KeypadMatrix : IKeypadPins
{
    private readonly bool[,] _closed = new bool[4, 4];
    private int _row = -1;

    public int RowSelections { get; private set; }

    public void Press(char key) => Set(key, true);

    public void Release(char key) => Set(key, false);

    public void ReleaseAll() => Array.Clear(_closed);

    public void Set(char key, bool closed)
    {
        int index = KeypadLayout.Standard.IndexOf(key);
        Assert.IsTrue(index >= 0, $"no key {key}");
        _closed[index / 4, index % 4] = closed;
    }

    public void SelectRow(int row)
    {
        Assert.IsTrue(row is >= -1 and < 4);
        _row = row;
        RowSelections++;
    }

    public int ReadColumns()
    {
        if (_row < 0)
        {
            return 0;
        }
        // Walk the wires connected to the low row through closed keys.
        var rows = new bool[4];
        var columns = new bool[4];
        rows[_row] = true;
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int r = 0; r < 4; r++)
            {
                for (int c = 0; c < 4; c++)
                {
                    if (_closed[r, c] && rows[r] != columns[c])
                    {
                        rows[r] = columns[c] = true;
                        grew = true;
                    }
                }
            }
        }
        int bits = 0;
        for (int c = 0; c < 4; c++)
        {
            bits |= columns[c] ? 1 << c : 0;
        }
        return bits;
    }
}
