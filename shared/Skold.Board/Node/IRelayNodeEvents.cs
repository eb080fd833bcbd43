using Skold.Mesh;
using Skold.Radio.Sx127x;

namespace Skold.Board.Node
{
    /// <summary>
    /// What the relay loop reports as it runs: the Linux node writes each as a JSON log line and
    /// forwards heard frames to its socket; the ESP32 app forwards heard frames and radio errors
    /// to the serial host link. Called on the loop's thread.
    /// </summary>
    public interface IRelayNodeEvents
    {
        void RadioReady(long nowMs, RadioSettings settings);

        /// <summary>A frame heard: frame[0..length), RSSI in dBm, SNR in tenths of a dB (after the engine took it).</summary>
        void FrameHeard(long nowMs, byte[] frame, int length, int rssiDbm, int snrTenths);

        void CrcError(long nowMs, int total);

        void Transmitting(long nowMs, OutgoingFrame frame);

        void Sent(long nowMs);

        /// <summary>The transmitter never reported TxDone; the loop went back to listening.</summary>
        void RadioError(long nowMs, string message);
    }
}
