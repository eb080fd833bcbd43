namespace Skold.Board.Node
{
    /// <summary>
    /// What the node app needs from the board besides the radio, serial link and flash: a clock,
    /// DIO0, the button, the battery ADC and the LED. The ESP32 adapter is
    /// nodes/Skold.Node/Board/Esp32NodeBoard.cs; tests use a simulated board.
    /// </summary>
    public interface INodeBoard
    {
        /// <summary>Milliseconds since boot, never going back.</summary>
        long NowMs();

        void Sleep(int milliseconds);

        /// <summary>Waits up to milliseconds for DIO0 to rise; true when it did (or had since the last wait).</summary>
        bool WaitForDio0(int milliseconds);

        bool HasButton { get; }

        /// <summary>The button's level now: true while pressed.</summary>
        bool ButtonPressed();

        /// <summary>One raw 12-bit battery reading, or -1 when the board has no battery pin.</summary>
        int ReadBatteryRaw();

        void SetLed(bool on);
    }
}
