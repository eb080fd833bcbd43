using Skold.Board.Kiosk;

namespace Skold.Board.Tests.Models;

/// <summary>The buzzer and LEDs as a log of changes, stamped with the test's clock.</summary>
public sealed class SignalRecorder : ISignalOutput
{
    public long Now { get; set; }

    public List<(long At, int Hz)> Tones { get; } = [];

    public List<(long At, int Mask)> LedChanges { get; } = [];

    public int Hz => Tones.Count == 0 ? 0 : Tones[^1].Hz;

    public int LedMask => LedChanges.Count == 0 ? 0 : LedChanges[^1].Mask;

    public void Tone(int hz) => Tones.Add((Now, hz));

    public void Leds(int mask) => LedChanges.Add((Now, mask));
}
