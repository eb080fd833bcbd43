using System;
using Skold.Mesh;

namespace Skold.Radio.Sx127x
{
    /// <summary>
    /// Register-level driver for the SX1276/77/78/79 in LoRa mode, written for the nanoFramework
    /// subset against our own SPI and pin interfaces (boards and Linux adapt to them). Register
    /// addresses, bits and formulas are the Semtech datasheet's (rev. 7, May 2020); sections are
    /// cited where they are used. One instance per chip; not thread-safe: call it from one thread
    /// (the board's radio loop), which calls Service when DIO0 rises.
    /// </summary>
    public sealed class Sx127x
    {
        public const int MaxPayload = 255;
        public const int FifoTxBase = 0x80;
        public const int FifoRxBase = 0x00;

        private const int StateSleep = 0;
        private const int StateStandby = 1;
        private const int StateTransmitting = 2;
        private const int StateReceiving = 3;
        private const int StateCad = 4;

        private readonly ISpiRegisterBus _bus;
        private readonly IRadioPins _pins;
        private readonly byte[] _write = new byte[MaxPayload + 1];
        private readonly byte[] _read = new byte[MaxPayload + 1];
        private RadioSettings? _settings;
        private int _state = StateSleep;
        private long _transmitDeadlineMs;
        private bool _lowFrequency;

        public Sx127x(ISpiRegisterBus bus, IRadioPins pins)
        {
            _bus = bus;
            _pins = pins;
            Received = new byte[MaxPayload];
        }

        /// <summary>The last frame Service reported as FrameReceived: ReceivedLength bytes.</summary>
        public byte[] Received { get; }

        public int ReceivedLength { get; private set; }

        /// <summary>Packet RSSI of the last frame, dBm (datasheet 5.5.5).</summary>
        public int ReceivedRssiDbm { get; private set; }

        /// <summary>Packet SNR of the last frame, in tenths of a dB (the register counts quarter dB).</summary>
        public int ReceivedSnrTenths { get; private set; }

        public int CrcErrors { get; private set; }

        /// <summary>Pulses NRESET (at least 100 us low, then 5 ms before the chip is ready: datasheet 7.2.2) and checks the chip answers.</summary>
        public void Reset()
        {
            _pins.HoldReset(true);
            _pins.WaitMilliseconds(1);
            _pins.HoldReset(false);
            _pins.WaitMilliseconds(6);
            int version = ReadRegister(Registers.Version);
            if (version == 0x00 || version == 0xff)
            {
                throw new RadioException("no SX127x answers on SPI (version register reads 0x" + Hex(version)
                    + "): check power, NSS, SCK, MOSI, MISO and the reset pin");
            }
            if (version != Registers.ExpectedVersion)
            {
                throw new RadioException("the chip reports version 0x" + Hex(version) + ", not an SX1276/77/78/79 (0x12): check the module");
            }
            _state = StateStandby;
        }

        /// <summary>Sets carrier, modulation and transmitter, leaving the chip in standby.</summary>
        public void Configure(RadioSettings settings)
        {
            LoRaModulation m = settings.Modulation;
            int bandwidthCode = Array.IndexOf(Registers.BandwidthsHz, m.BandwidthHz);
            if (bandwidthCode < 0)
            {
                throw new ArgumentException("the SX127x has no " + m.BandwidthHz + " Hz bandwidth");
            }
            _lowFrequency = settings.FrequencyHz < Registers.LowFrequencyBandLimitHz;
            // LongRangeMode (RegOpMode bit 7) can only change in sleep: sleep first, then switch to LoRa.
            WriteRegister(Registers.OpMode, (ReadRegister(Registers.OpMode) & Registers.LongRangeMode) | Registers.ModeSleep);
            SetMode(Registers.ModeSleep);
            SetMode(Registers.ModeStandby);

            // Frf = f / Fstep with Fstep = 32 MHz / 2^19 (datasheet 4.1.4): f * 2^19 / 32e6, rounded.
            long frf = ((settings.FrequencyHz << 19) + 16000000) / 32000000;
            WriteRegister(Registers.FrfMsb, (int)(frf >> 16) & 0xff);
            WriteRegister(Registers.FrfMid, (int)(frf >> 8) & 0xff);
            WriteRegister(Registers.FrfLsb, (int)frf & 0xff);

            WriteRegister(Registers.ModemConfig1, (bandwidthCode << 4) | ((m.CodingRateDenominator - 4) << 1) | (m.ExplicitHeader ? 0 : Registers.ImplicitHeaderModeOn));
            WriteRegister(Registers.ModemConfig2, (m.SpreadingFactor << 4) | (m.Crc ? Registers.RxPayloadCrcOn : 0));
            WriteRegister(Registers.ModemConfig3, Registers.AgcAutoOn | (m.LowDataRateOptimization ? Registers.LowDataRateOptimize : 0));
            // SF6 needs its own detection settings (datasheet 4.1.1.2); 0xC3/0x0A are the defaults for SF7-12.
            WriteRegister(Registers.DetectOptimize, m.SpreadingFactor == 6 ? 0xc5 : 0xc3);
            WriteRegister(Registers.DetectionThreshold, m.SpreadingFactor == 6 ? 0x0c : 0x0a);
            WriteRegister(Registers.PreambleMsb, (m.PreambleSymbols >> 8) & 0xff);
            WriteRegister(Registers.PreambleLsb, m.PreambleSymbols & 0xff);
            WriteRegister(Registers.SyncWord, settings.SyncWord & 0xff);
            WriteRegister(Registers.MaxPayloadLength, MaxPayload);
            WriteRegister(Registers.FifoTxBaseAddr, FifoTxBase);
            WriteRegister(Registers.FifoRxBaseAddr, FifoRxBase);
            WriteRegister(Registers.Lna, 0x23); // LnaGain G1 (max), LnaBoostHf 150% for the HF port (datasheet table 42)
            ConfigurePower(settings);
            WriteRegister(Registers.IrqFlags, Registers.IrqAll);
            _settings = settings;
        }

        public void Sleep()
        {
            SetMode(Registers.ModeSleep);
            _state = StateSleep;
        }

        public void Standby()
        {
            SetMode(Registers.ModeStandby);
            _state = StateStandby;
        }

        /// <summary>Listens continuously; DIO0 rises for every frame received (RxDone).</summary>
        public void StartReceiving()
        {
            RequireConfigured();
            SetMode(Registers.ModeStandby);
            WriteRegister(Registers.FifoAddrPtr, FifoRxBase);
            WriteRegister(Registers.DioMapping1, Registers.Dio0RxDone);
            WriteRegister(Registers.IrqFlags, Registers.IrqAll);
            SetMode(Registers.ModeReceiveContinuous);
            _state = StateReceiving;
        }

        /// <summary>Channel activity detection (datasheet 4.1.6): DIO0 rises with CadDone; Service reports clear or busy.</summary>
        public void StartChannelCheck()
        {
            RequireConfigured();
            SetMode(Registers.ModeStandby);
            WriteRegister(Registers.DioMapping1, Registers.Dio0CadDone);
            WriteRegister(Registers.IrqFlags, Registers.IrqAll);
            SetMode(Registers.ModeCad);
            _state = StateCad;
        }

        /// <summary>
        /// Sends one frame: standby, payload into the FIFO from the TX base, then TX mode. DIO0
        /// rises with TxDone; if it does not by the frame's time on air plus a margin, CheckTimeout
        /// reports it. nowMs is the board's millisecond clock.
        /// </summary>
        public void Transmit(byte[] data, int offset, int count, long nowMs)
        {
            RequireConfigured();
            if (count < 1 || count > MaxPayload)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "a LoRa frame carries 1.." + MaxPayload + " bytes");
            }
            SetMode(Registers.ModeStandby);
            WriteRegister(Registers.FifoAddrPtr, FifoTxBase);
            _write[0] = (byte)(Registers.Fifo | 0x80);
            Array.Copy(data, offset, _write, 1, count);
            _bus.Transfer(_write, _read, count + 1);
            WriteRegister(Registers.PayloadLength, count);
            WriteRegister(Registers.DioMapping1, Registers.Dio0TxDone);
            WriteRegister(Registers.IrqFlags, Registers.IrqAll);
            SetMode(Registers.ModeTransmit);
            _state = StateTransmitting;
            long airtimeMs = LoRaAirtime.TimeOnAirMicroseconds(_settings!.Modulation, count) / 1000;
            _transmitDeadlineMs = nowMs + airtimeMs + airtimeMs / 4 + 100;
        }

        public bool Transmitting
        {
            get { return _state == StateTransmitting; }
        }

        /// <summary>Throws when a transmission outlived its time on air: the chip is put back in standby first.</summary>
        public void CheckTimeout(long nowMs)
        {
            if (_state == StateTransmitting && nowMs > _transmitDeadlineMs)
            {
                SetMode(Registers.ModeStandby);
                _state = StateStandby;
                WriteRegister(Registers.IrqFlags, Registers.IrqAll);
                throw new RadioException("the radio did not finish transmitting (no TxDone): check DIO0 wiring and the antenna");
            }
        }

        /// <summary>Reads and clears the interrupt flags and says what happened (RadioEvent).</summary>
        public int Service()
        {
            int flags = ReadRegister(Registers.IrqFlags);
            if (flags == 0)
            {
                return RadioEvent.None;
            }
            WriteRegister(Registers.IrqFlags, flags);
            if (_state == StateTransmitting && (flags & Registers.IrqTxDone) != 0)
            {
                // After TxDone the chip is back in standby by itself (datasheet 4.1.6.2).
                _state = StateStandby;
                return RadioEvent.TransmitDone;
            }
            if (_state == StateCad && (flags & Registers.IrqCadDone) != 0)
            {
                _state = StateStandby;
                return (flags & Registers.IrqCadDetected) != 0 ? RadioEvent.ChannelBusy : RadioEvent.ChannelClear;
            }
            if (_state == StateReceiving && (flags & Registers.IrqRxDone) != 0)
            {
                if ((flags & Registers.IrqPayloadCrcError) != 0)
                {
                    CrcErrors++;
                    return RadioEvent.CrcError;
                }
                ReadFrame();
                return RadioEvent.FrameReceived;
            }
            return RadioEvent.None;
        }

        private void ReadFrame()
        {
            int length = ReadRegister(Registers.RxNbBytes);
            int start = ReadRegister(Registers.FifoRxCurrentAddr);
            WriteRegister(Registers.FifoAddrPtr, start);
            _write[0] = (byte)Registers.Fifo;
            for (int i = 1; i <= length; i++)
            {
                _write[i] = 0;
            }
            _bus.Transfer(_write, _read, length + 1);
            Array.Copy(_read, 1, Received, 0, length);
            ReceivedLength = length;
            int snrQuarters = (sbyte)ReadRegister(Registers.PktSnrValue);
            int packetRssi = ReadRegister(Registers.PktRssiValue);
            // RSSI = -157 + PacketRssi on the HF port, -164 on the LF port; below the noise floor the SNR adds (datasheet 5.5.5).
            int rssi = (_lowFrequency ? -164 : -157) + packetRssi;
            if (snrQuarters < 0)
            {
                rssi += snrQuarters / 4;
            }
            ReceivedRssiDbm = rssi;
            ReceivedSnrTenths = snrQuarters * 10 / 4;
        }

        // Output power (datasheet 5.4.2 and 5.4.3): RFO Pout = Pmax - (15 - OutputPower) with Pmax = 10.8 + 0.6 * MaxPower;
        // PA_BOOST Pout = 17 - (15 - OutputPower), and with RegPaDac 0x87 Pout = 20 - (15 - OutputPower) for 18..20 dBm.
        private void ConfigurePower(RadioSettings settings)
        {
            int power = settings.PowerDbm;
            if (settings.PaBoost)
            {
                bool high = power > 17;
                WriteRegister(Registers.PaDac, high ? Registers.PaDacHighPower : Registers.PaDacDefault);
                int output = high ? power - 5 : power - 2;
                WriteRegister(Registers.PaConfig, Registers.PaBoost | 0x70 | output);
            }
            else
            {
                // MaxPower 7 gives Pmax 15 dBm, so OutputPower is the power itself; for -4..-1 dBm,
                // MaxPower 0 gives Pmax 10.8 dBm and OutputPower is the power plus 4.
                WriteRegister(Registers.PaDac, Registers.PaDacDefault);
                WriteRegister(Registers.PaConfig, power >= 0 ? 0x70 | power : power + 4);
            }
            // OcpTrim (datasheet 5.4.4): Imax = 45 + 5 * trim up to 120 mA, -30 + 10 * trim up to 240 mA.
            int ma = settings.OcpMilliamps < 45 ? 45 : settings.OcpMilliamps > 240 ? 240 : settings.OcpMilliamps;
            int trim = ma <= 120 ? (ma - 45) / 5 : (ma + 30) / 10;
            WriteRegister(Registers.Ocp, Registers.OcpOn | trim);
        }

        private void SetMode(int mode)
        {
            WriteRegister(Registers.OpMode, Registers.LongRangeMode | (_lowFrequency ? Registers.LowFrequencyMode : 0) | mode);
        }

        private void RequireConfigured()
        {
            if (_settings == null)
            {
                throw new InvalidOperationException("configure the radio first");
            }
        }

        public int ReadRegister(int address)
        {
            _write[0] = (byte)(address & 0x7f);
            _write[1] = 0;
            _bus.Transfer(_write, _read, 2);
            return _read[1];
        }

        public void WriteRegister(int address, int value)
        {
            _write[0] = (byte)(address | 0x80);
            _write[1] = (byte)value;
            _bus.Transfer(_write, _read, 2);
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789abcdef";
            return "" + digits[(value >> 4) & 15] + digits[value & 15];
        }
    }
}
