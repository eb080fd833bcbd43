using Skold.Radio.Sx127x;

namespace Skold.Radio.Model;

/// <summary>
/// An SX1276 as the driver sees it over SPI: the LoRa register file with its reset values, the
/// 256-byte FIFO and its pointer, write-1-to-clear interrupt flags, DIO0 mapping, and the modes
/// with the rules the datasheet gives (LongRangeMode changes only in sleep; TxDone and CadDone
/// return the chip to standby). Frames "on air" are injected by the test or the host node; what
/// the driver transmits is collected. Every mode change is logged so tests can check sequences.
/// Like nanoFramework.IoT.Device's simulated I2C devices, it stands in for the bus.
/// </summary>
public sealed class SimulatedSx1276 : ISpiRegisterBus, IRadioPins
{
    private readonly byte[] _registers = new byte[128];
    private readonly byte[] _fifo = new byte[256];
    private bool _resetHeld;

    public SimulatedSx1276()
    {
        PowerOnReset();
    }

    /// <summary>What RegVersion reads: 0x12 for a real SX1276; tests set others. Absent: every read is 0x00.</summary>
    public int Version { get; set; } = Registers.ExpectedVersion;

    /// <summary>RegRssiValue, the current channel RSSI (datasheet 5.5.5: -157 + value dBm on the HF port): 40 is a quiet 868 MHz channel, -117 dBm.</summary>
    public int RssiValue { get; set; } = 40;

    public bool Absent { get; set; }

    /// <summary>When true, TX mode never ends (a broken PA or DIO0): the driver must time out.</summary>
    public bool StuckInTransmit { get; set; }

    /// <summary>When true, channel activity detection finds a LoRa preamble.</summary>
    public bool ChannelBusy { get; set; }

    public List<byte[]> Transmitted { get; } = [];

    /// <summary>Every RegOpMode value written, in order.</summary>
    public List<int> ModeLog { get; } = [];

    public int Resets { get; private set; }

    public int WaitedMilliseconds { get; private set; }

    /// <summary>Raised when DIO0 goes high: the board's interrupt.</summary>
    public event Action? Dio0Rose;

    public int Mode => _registers[Registers.OpMode] & Registers.ModeMask;

    public bool LoRa => (_registers[Registers.OpMode] & Registers.LongRangeMode) != 0;

    public int Register(int address) => _registers[address];

    public void Transfer(byte[] write, byte[] read, int count)
    {
        if (Absent || _resetHeld)
        {
            Array.Clear(read, 0, count);
            return;
        }
        int address = write[0] & 0x7f;
        bool writing = (write[0] & 0x80) != 0;
        read[0] = 0;
        for (int i = 1; i < count; i++)
        {
            if (address == Registers.Fifo)
            {
                // Burst access to the FIFO walks the FIFO pointer, not the address (datasheet 4.1.2.3).
                int pointer = _registers[Registers.FifoAddrPtr];
                if (writing)
                {
                    _fifo[pointer] = write[i];
                }
                else
                {
                    read[i] = _fifo[pointer];
                }
                _registers[Registers.FifoAddrPtr] = (byte)(pointer + 1);
                continue;
            }
            if (writing)
            {
                Write(address, write[i]);
            }
            else
            {
                read[i] = address == Registers.Version ? (byte)Version
                    : address == Registers.RssiValue ? (byte)RssiValue
                    : _registers[address];
            }
            address = (address + 1) & 0x7f;
        }
    }

    public void HoldReset(bool held)
    {
        if (held && !_resetHeld)
        {
            Resets++;
            PowerOnReset();
        }
        _resetHeld = held;
    }

    public void WaitMilliseconds(int milliseconds) => WaitedMilliseconds += milliseconds;

    /// <summary>A frame arrives while the chip listens: it lands in the FIFO with RSSI and SNR, RxDone is raised.</summary>
    public bool Receive(byte[] frame, int packetRssiRegister, int snrQuarterDb, bool crcError = false)
    {
        if (!LoRa || Mode != Registers.ModeReceiveContinuous)
        {
            return false;
        }
        int start = _registers[Registers.FifoRxBaseAddr];
        for (int i = 0; i < frame.Length; i++)
        {
            _fifo[(start + i) & 0xff] = frame[i];
        }
        _registers[Registers.FifoRxCurrentAddr] = (byte)start;
        _registers[Registers.RxNbBytes] = (byte)frame.Length;
        _registers[Registers.PktRssiValue] = (byte)packetRssiRegister;
        _registers[Registers.PktSnrValue] = (byte)(sbyte)snrQuarterDb;
        Raise(Registers.IrqValidHeader | Registers.IrqRxDone | (crcError ? Registers.IrqPayloadCrcError : 0));
        return true;
    }

    /// <summary>Ends a transmission in progress, as the modem does when the last symbol has left.</summary>
    public bool FinishTransmit()
    {
        if (Mode != Registers.ModeTransmit || StuckInTransmit)
        {
            return false;
        }
        int length = _registers[Registers.PayloadLength];
        int start = _registers[Registers.FifoTxBaseAddr];
        byte[] frame = new byte[length];
        for (int i = 0; i < length; i++)
        {
            frame[i] = _fifo[(start + i) & 0xff];
        }
        Transmitted.Add(frame);
        SetMode(Registers.ModeStandby);
        Raise(Registers.IrqTxDone);
        return true;
    }

    private void Write(int address, byte value)
    {
        switch (address)
        {
            case Registers.OpMode:
                ModeLog.Add(value);
                bool loRa = (value & Registers.LongRangeMode) != 0;
                if (loRa != LoRa && Mode != Registers.ModeSleep)
                {
                    // The datasheet: LongRangeMode can be modified only in sleep mode; the write keeps the old bit.
                    value = (byte)((value & ~Registers.LongRangeMode) | (_registers[Registers.OpMode] & Registers.LongRangeMode));
                }
                _registers[Registers.OpMode] = value;
                if (LoRa && Mode == Registers.ModeCad)
                {
                    SetMode(Registers.ModeStandby);
                    Raise(Registers.IrqCadDone | (ChannelBusy ? Registers.IrqCadDetected : 0));
                }
                break;
            case Registers.IrqFlags:
                _registers[Registers.IrqFlags] &= (byte)~value;
                break;
            case Registers.Version:
            case Registers.RxNbBytes:
            case Registers.FifoRxCurrentAddr:
            case Registers.PktRssiValue:
            case Registers.PktSnrValue:
                break;
            default:
                _registers[address] = value;
                break;
        }
    }

    private void SetMode(int mode) =>
        _registers[Registers.OpMode] = (byte)((_registers[Registers.OpMode] & ~Registers.ModeMask) | mode);

    private void Raise(int flags)
    {
        _registers[Registers.IrqFlags] |= (byte)flags;
        int mapping = _registers[Registers.DioMapping1] & 0xc0;
        bool dio0 = (mapping == Registers.Dio0RxDone && (flags & Registers.IrqRxDone) != 0)
            || (mapping == Registers.Dio0TxDone && (flags & Registers.IrqTxDone) != 0)
            || (mapping == Registers.Dio0CadDone && (flags & Registers.IrqCadDone) != 0);
        if (dio0)
        {
            Dio0Rose?.Invoke();
        }
    }

    // Reset values of the registers the driver touches (datasheet table 41, "default" column for LoRa).
    private void PowerOnReset()
    {
        Array.Clear(_registers);
        _registers[Registers.OpMode] = 0x09;
        _registers[Registers.FrfMsb] = 0x6c;
        _registers[Registers.FrfMid] = 0x80;
        _registers[Registers.PaConfig] = 0x4f;
        _registers[Registers.Ocp] = 0x2b;
        _registers[Registers.Lna] = 0x20;
        _registers[Registers.FifoTxBaseAddr] = 0x80;
        _registers[Registers.ModemConfig1] = 0x72;
        _registers[Registers.ModemConfig2] = 0x70;
        _registers[Registers.PreambleLsb] = 0x08;
        _registers[Registers.PayloadLength] = 0x01;
        _registers[Registers.MaxPayloadLength] = 0xff;
        _registers[Registers.ModemConfig3] = 0x04;
        _registers[Registers.DetectOptimize] = 0xc3;
        _registers[Registers.DetectionThreshold] = 0x0a;
        _registers[Registers.SyncWord] = 0x12;
        _registers[Registers.PaDac] = 0x84;
    }
}
