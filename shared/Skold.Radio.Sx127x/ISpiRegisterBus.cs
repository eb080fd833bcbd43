namespace Skold.Radio.Sx127x
{
    /// <summary>
    /// The SPI link to the chip: one full-duplex transfer with chip select held for its whole
    /// length (SPI mode 0, MSB first, up to 10 MHz). The board adapts its SPI device to this.
    /// </summary>
    public interface ISpiRegisterBus
    {
        /// <summary>Sends write[0..count) while reading the same number of bytes into read.</summary>
        void Transfer(byte[] write, byte[] read, int count);
    }
}
