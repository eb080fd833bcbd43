namespace Skold.Board.Keypad
{
    /// <summary>What each key of the matrix means to the kiosk (Station.Kiosk takes 0-9, A-D, * and #).</summary>
    public static class KeypadLayout
    {
        public const int Rows = 4;
        public const int Columns = 4;

        /// <summary>The common 4x4 membrane keypad, row by row from the top: 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D.</summary>
        public const string Standard = "123A456B789C*0#D";

        public static char KeyAt(string layout, int row, int column)
        {
            return layout[row * Columns + column];
        }
    }
}
