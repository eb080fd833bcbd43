namespace Skold.Board.Kiosk
{
    /// <summary>Sends one LoRa frame (the board: our SX127x driver; the duty cycle is already accounted).</summary>
    public interface IFrameRadio
    {
        void Transmit(byte[] frame, long nowMs);
    }
}
