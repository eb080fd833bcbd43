namespace Skold.Board.Keypad
{
    /// <summary>
    /// A 4x4 matrix keypad's wires: four row outputs (open drain: pulled low one at a time,
    /// released otherwise, so two keys in one column cannot short two driven outputs) and four
    /// column inputs with pull-ups (a column reads low while a key joins it to the low row).
    /// </summary>
    public interface IKeypadPins
    {
        /// <summary>Pulls row 0..3 low and releases the others; -1 releases all rows.</summary>
        void SelectRow(int row);

        /// <summary>Bits 0..3: the columns that read low now.</summary>
        int ReadColumns();
    }
}
