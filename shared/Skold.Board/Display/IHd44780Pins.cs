namespace Skold.Board.Display
{
    /// <summary>
    /// The wires of an HD44780 in 4-bit mode, write only (R/W tied to ground, so the busy
    /// flag cannot be read and the driver waits the datasheet's execution times instead).
    /// </summary>
    public interface IHd44780Pins
    {
        /// <summary>RS: true selects the data register (characters), false the instruction register.</summary>
        void SetRegisterSelect(bool data);

        /// <summary>E: the controller latches D4..D7 on its falling edge.</summary>
        void SetEnable(bool high);

        /// <summary>D4..D7 from bits 0..3 of nibble.</summary>
        void SetData(int nibble);

        /// <summary>Waits at least this many microseconds.</summary>
        void DelayMicroseconds(int microseconds);
    }
}
