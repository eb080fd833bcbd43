using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.Spi;
using Skold.Radio.Sx127x;

namespace Skold.Node;

/// <summary>
/// The SX127x on a Raspberry Pi (or any Linux board) through .NET IoT: /dev/spidevB.C in SPI
/// mode 0, NRESET and DIO0 on GPIO character-device lines (libgpiod). DIO0's rising edge sets a
/// flag the node loop reads, so the driver is only ever called from the loop's thread.
/// </summary>
public sealed class LinuxSx127xBus : ISpiRegisterBus, IRadioPins, IDisposable
{
    private readonly SpiDevice _spi;
    private readonly GpioController _gpio;
    private readonly SpiWiring _wiring;
    private int _dio0Edges;

    public LinuxSx127xBus(SpiWiring wiring)
    {
        _wiring = wiring;
        _spi = SpiDevice.Create(new SpiConnectionSettings(wiring.Bus, wiring.ChipSelect) { ClockFrequency = wiring.ClockHz, Mode = SpiMode.Mode0 });
        _gpio = new GpioController(new LibGpiodDriver(wiring.GpioChip));
        _gpio.OpenPin(wiring.ResetPin, PinMode.Output, PinValue.High);
        _gpio.OpenPin(wiring.Dio0Pin, PinMode.Input);
        _gpio.RegisterCallbackForPinValueChangedEvent(wiring.Dio0Pin, PinEventTypes.Rising, (_, _) => Interlocked.Increment(ref _dio0Edges));
    }

    /// <summary>True once after each DIO0 rising edge.</summary>
    public bool TakeDio0() => Interlocked.Exchange(ref _dio0Edges, 0) > 0;

    public void Transfer(byte[] write, byte[] read, int count) => _spi.TransferFullDuplex(write.AsSpan(0, count), read.AsSpan(0, count));

    public void HoldReset(bool held) => _gpio.Write(_wiring.ResetPin, held ? PinValue.Low : PinValue.High);

    public void WaitMilliseconds(int milliseconds) => Thread.Sleep(milliseconds);

    public void Dispose()
    {
        _gpio.Dispose();
        _spi.Dispose();
    }
}
