using Skold.Station;

namespace Skold.Cli.Station;

/// <summary>Feeds keys to a kiosk on a clock and draws its 20x4 screen as text.</summary>
public sealed class KioskDriver(Kiosk kiosk, uint start)
{
    public uint Now { get; private set; } = start;

    public Kiosk Kiosk => kiosk;

    public static bool IsKey(char key) => key is (>= '0' and <= '9') or (>= 'A' and <= 'D') or '*' or '#';

    /// <summary>Presses keys one second apart; a-d count as A-D and anything else is ignored.</summary>
    public void Type(string keys)
    {
        foreach (char c in keys)
        {
            char key = char.ToUpperInvariant(c);
            if (IsKey(key))
            {
                Now++;
                kiosk.Press(key, Now);
            }
        }
    }

    public void Wait(uint seconds)
    {
        Now += seconds;
        kiosk.Tick(Now);
    }

    public string Screen => string.Join("\n", Enumerable.Range(0, Kiosk.Rows).Select(kiosk.Line));

    public void Draw(TextWriter output)
    {
        string border = "+" + new string('-', Kiosk.Columns) + "+";
        output.WriteLine(border);
        for (int row = 0; row < Kiosk.Rows; row++)
        {
            output.WriteLine("|" + kiosk.Line(row) + "|");
        }
        output.WriteLine(border);
        string signal = kiosk.Signal switch
        {
            KioskSignal.Done => "  beep, green LED: done",
            KioskSignal.Refused => "  long tone, red LED: refused",
            KioskSignal.Warning => "  two beeps, amber LED: look at the screen",
            _ => "",
        };
        if (signal.Length > 0)
        {
            output.WriteLine(signal);
        }
    }
}
