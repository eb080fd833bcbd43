namespace Skold.Board.Node
{
    /// <summary>A frame the radio heard: bytes[0..length), RSSI in dBm, SNR in tenths of a dB.</summary>
    public delegate void FrameHeardHandler(byte[] frame, int length, int rssiDbm, int snrTenths);

    /// <summary>One line for the node's log: what happened and its details, as text.</summary>
    public delegate void NodeLogHandler(long nowMs, string evt, string detail);
}
