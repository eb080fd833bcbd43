namespace Skold.Radio.Sx127x
{
    /// <summary>The chip's reset line and a way to wait; DIO0 goes to the board, which calls Sx127x.Service.</summary>
    public interface IRadioPins
    {
        /// <summary>Drives NRESET: true pulls it low (reset held), false releases it.</summary>
        void HoldReset(bool held);

        void WaitMilliseconds(int milliseconds);
    }
}
