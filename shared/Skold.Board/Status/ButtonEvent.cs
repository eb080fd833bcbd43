namespace Skold.Board.Status
{
    /// <summary>What Button.Sample reports.</summary>
    public static class ButtonEvent
    {
        public const int None = 0;

        /// <summary>Pressed and released within LongPressMs: print the status on the serial link.</summary>
        public const int ShortPress = 1;

        /// <summary>Held for LongPressMs (reported once, while still held).</summary>
        public const int LongPress = 2;
    }
}
