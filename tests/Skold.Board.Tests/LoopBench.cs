using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Mesh;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

/// <summary>The whole board loop on host models: keypad matrix in, HD44780 and buzzer/LEDs out, journal in RAM flash, reports on a fake radio.</summary>
public sealed class LoopBench
{
    public const long PassMs = 10;

    public readonly ProvisionedKiosk Provisioned = new();
    public readonly MemoryJournalStorage Flash = new(65536);
    public readonly KeypadMatrix Keys = new();
    public readonly Hd44780Model Screen = new();
    public readonly SignalRecorder Signals = new();
    public readonly RadioLog Radio = new();
    public readonly KioskStation Station;
    public readonly KioskLoop Loop;
    public readonly Hd44780 Display;
    public long NowMs;

    /// <summary>Runs each pass of the loop, for a caller that measures one (the heap benchmark).</summary>
    public Action<Action>? AroundPass;
    public uint Utc = TestCouncil.Now;

    /// <summary>The kiosk on RAM flash, or on the given journal storage (the image's journal file, say).</summary>
    public LoopBench(IJournalStorage? storage = null)
    {
        Station = KioskStation.Open(Provisioned.File, storage ?? Flash, Provisioned.RulesOrder(), Utc, Provisioned.Ed);
        Assert.IsNull(Station.Problem, Station.Problem);
        Display = new Hd44780(Screen);
        Loop = new KioskLoop(Station, new KeypadScanner(Keys, KeypadLayout.Standard, KeypadScanner.DefaultStableScans),
            Display, new SignalPlayer(Signals));
        Loop.Start(NowMs);
    }

    /// <summary>Runs the loop for ms milliseconds, one pass every PassMs; the UTC clock follows.</summary>
    public void Run(long ms)
    {
        for (long end = NowMs + ms; NowMs < end;)
        {
            NowMs += PassMs;
            Utc = TestCouncil.Now + (uint)(NowMs / 1000);
            Signals.Now = NowMs;
            if (AroundPass is null)
            {
                Loop.Step(NowMs, Utc);
            }
            else
            {
                AroundPass(() => Loop.Step(NowMs, Utc));
            }
        }
    }

    /// <summary>Presses each key for 80 ms and lets go for 80 ms, as a hand does.</summary>
    public void Type(string keys)
    {
        foreach (char key in keys)
        {
            Keys.Press(key);
            Run(80);
            Keys.Release(key);
            Run(80);
        }
    }

    public string[] KioskLines => [.. Enumerable.Range(0, 4).Select(Station.Kiosk!.Line)];

    public sealed class RadioLog : IFrameRadio
    {
        public List<(long At, byte[] Frame)> Sent { get; } = [];

        public void Transmit(byte[] frame, long nowMs) => Sent.Add((nowMs, frame));
    }
}
