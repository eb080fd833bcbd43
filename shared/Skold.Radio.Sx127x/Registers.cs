namespace Skold.Radio.Sx127x
{
    /// <summary>
    /// LoRa-mode registers and bits of the SX1276/77/78/79 (Semtech datasheet rev. 7, May 2020,
    /// section 6.4 "LoRa Mode Register Map", table 41, and the register descriptions after it).
    /// </summary>
    public static class Registers
    {
        public const int Fifo = 0x00;
        public const int OpMode = 0x01;
        public const int FrfMsb = 0x06;
        public const int FrfMid = 0x07;
        public const int FrfLsb = 0x08;
        public const int PaConfig = 0x09;
        public const int Ocp = 0x0b;
        public const int Lna = 0x0c;
        public const int FifoAddrPtr = 0x0d;
        public const int FifoTxBaseAddr = 0x0e;
        public const int FifoRxBaseAddr = 0x0f;
        public const int FifoRxCurrentAddr = 0x10;
        public const int IrqFlagsMask = 0x11;
        public const int IrqFlags = 0x12;
        public const int RxNbBytes = 0x13;
        public const int PktSnrValue = 0x19;
        public const int PktRssiValue = 0x1a;
        public const int RssiValue = 0x1b;
        public const int ModemConfig1 = 0x1d;
        public const int ModemConfig2 = 0x1e;
        public const int SymbTimeoutLsb = 0x1f;
        public const int PreambleMsb = 0x20;
        public const int PreambleLsb = 0x21;
        public const int PayloadLength = 0x22;
        public const int MaxPayloadLength = 0x23;
        public const int ModemConfig3 = 0x26;
        public const int DetectOptimize = 0x31;
        public const int DetectionThreshold = 0x37;
        public const int SyncWord = 0x39;
        public const int DioMapping1 = 0x40;
        public const int Version = 0x42;
        public const int PaDac = 0x4d;

        /// <summary>RegVersion of every SX1276/77/78/79 silicon revision in the field.</summary>
        public const int ExpectedVersion = 0x12;

        // RegOpMode: bit 7 LongRangeMode (LoRa), bit 3 LowFrequencyModeOn, bits 2-0 mode.
        public const int LongRangeMode = 0x80;
        public const int LowFrequencyMode = 0x08;
        public const int ModeMask = 0x07;
        public const int ModeSleep = 0x00;
        public const int ModeStandby = 0x01;
        public const int ModeTransmit = 0x03;
        public const int ModeReceiveContinuous = 0x05;
        public const int ModeCad = 0x07;

        // RegIrqFlags: write 1 to clear.
        public const int IrqRxTimeout = 0x80;
        public const int IrqRxDone = 0x40;
        public const int IrqPayloadCrcError = 0x20;
        public const int IrqValidHeader = 0x10;
        public const int IrqTxDone = 0x08;
        public const int IrqCadDone = 0x04;
        public const int IrqCadDetected = 0x01;
        public const int IrqAll = 0xff;

        // RegDioMapping1 bits 7-6: what DIO0 signals.
        public const int Dio0RxDone = 0x00;
        public const int Dio0TxDone = 0x40;
        public const int Dio0CadDone = 0x80;

        // RegPaConfig: bit 7 PaSelect (PA_BOOST pin), bits 6-4 MaxPower, bits 3-0 OutputPower.
        public const int PaBoost = 0x80;

        // RegPaDac: 0x87 enables +20 dBm on PA_BOOST, 0x84 is the default.
        public const int PaDacHighPower = 0x87;
        public const int PaDacDefault = 0x84;

        // RegOcp: bit 5 OcpOn, bits 4-0 OcpTrim.
        public const int OcpOn = 0x20;

        // RegModemConfig2 bit 2, RegModemConfig1 bit 0, RegModemConfig3 bits 3 and 2.
        public const int RxPayloadCrcOn = 0x04;
        public const int ImplicitHeaderModeOn = 0x01;
        public const int LowDataRateOptimize = 0x08;
        public const int AgcAutoOn = 0x04;

        /// <summary>Frequencies below this use the chip's low-frequency port (RFO_LF/RFI_LF, 433 MHz band).</summary>
        public const long LowFrequencyBandLimitHz = 525000000;

        /// <summary>
        /// Bandwidth codes of RegModemConfig1 bits 7-4, by the bandwidth's usual name in Hz
        /// (7.8, 10.4, 15.6, 20.8, 31.25, 41.7, 62.5, 125, 250, 500 kHz).
        /// </summary>
        public static readonly int[] BandwidthsHz = { 7800, 10400, 15600, 20800, 31250, 41700, 62500, 125000, 250000, 500000 };
    }
}
