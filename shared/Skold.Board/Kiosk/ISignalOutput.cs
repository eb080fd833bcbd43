namespace Skold.Board.Kiosk
{
    /// <summary>The kiosk's buzzer and LEDs.</summary>
    public interface ISignalOutput
    {
        /// <summary>Sounds the buzzer at hz (a passive piezo on PWM), or silences it with 0. An active buzzer sounds its own pitch for any hz above 0.</summary>
        void Tone(int hz);

        /// <summary>Lights exactly the LEDs in mask (KioskSignal.GreenLed, RedLed, AmberLed).</summary>
        void Leds(int mask);
    }
}
