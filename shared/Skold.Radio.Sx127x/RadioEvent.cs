namespace Skold.Radio.Sx127x
{
    /// <summary>What Sx127x.Service found when DIO0 rose (or when polled).</summary>
    public static class RadioEvent
    {
        public const int None = 0;
        public const int TransmitDone = 1;

        /// <summary>A frame is in Received, with its RSSI and SNR.</summary>
        public const int FrameReceived = 2;

        /// <summary>A frame arrived with a payload CRC error and was dropped (the radio keeps receiving).</summary>
        public const int CrcError = 3;

        public const int ChannelClear = 4;
        public const int ChannelBusy = 5;
    }
}
