namespace Skold.Board.Clock
{
    /// <summary>The board's own clock (the ESP32's, lost with the power): SkoldTime, 0 before 2024.</summary>
    public interface ISystemClock
    {
        uint Now();

        void Set(uint time);
    }
}
