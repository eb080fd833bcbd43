namespace Skold.Board.Kiosk
{
    /// <summary>The parts of the self-test only the board can do: a scratch file beside the journal, and the radio's version register.</summary>
    public interface ISelfTestHardware
    {
        /// <summary>Writes data to the scratch file on the journal's flash drive, replacing it, and flushes it to flash.</summary>
        void WriteScratch(byte[] data);

        /// <summary>Reads the scratch file back into buffer; returns the bytes read.</summary>
        int ReadScratch(byte[] buffer);

        void DeleteScratch();

        /// <summary>The SX127x's RegVersion (0x42); what the SPI read returned, 0x00 or 0xFF when nothing answers.</summary>
        int RadioVersion();
    }
}
