using Skold.Board.Node;
using Skold.Radio.Model;

namespace Skold.Board.Tests.Node;

/// <summary>
/// A board in a test: a clock that moves only when told (Sleep moves it), DIO0 from the
/// register model latched as the ESP32 adapter's AutoResetEvent does, a button level, a battery
/// reading and the LED's history.
/// </summary>
public sealed class SimulatedBoard : INodeBoard
{
    private bool _dio0;

    public SimulatedBoard(SimulatedSx1276 chip, bool dio0Wired = true, bool hasButton = true)
    {
        HasButton = hasButton;
        if (dio0Wired)
        {
            chip.Dio0Rose += () => _dio0 = true;
        }
    }

    public long Now { get; set; }

    public bool Button { get; set; }

    /// <summary>Called before every button read: a test can press and release as time passes.</summary>
    public Func<long, bool>? ButtonAt { get; set; }

    /// <summary>Raw ADC reading; -1 for "no battery pin".</summary>
    public int BatteryRaw { get; set; } = 2420; // about 3.9 V through a 2:1 divider

    public bool Led { get; private set; }

    public List<(long At, bool On)> LedChanges { get; } = [];

    public bool HasButton { get; }

    public long NowMs() => Now;

    public void Sleep(int milliseconds) => Now += milliseconds;

    public bool WaitForDio0(int milliseconds)
    {
        if (_dio0)
        {
            _dio0 = false;
            return true;
        }
        Now += milliseconds;
        return false;
    }

    public bool ButtonPressed() => ButtonAt?.Invoke(Now) ?? Button;

    public int ReadBatteryRaw() => BatteryRaw;

    public void SetLed(bool on)
    {
        if (on != Led || LedChanges.Count == 0)
        {
            LedChanges.Add((Now, on));
        }
        Led = on;
    }
}
