namespace Skold.Mesh
{
    /// <summary>Randomness for timing jitter; seeded in the simulator, hardware-backed on a board.</summary>
    public interface IRandomSource
    {
        /// <summary>A number in [0, maxExclusive).</summary>
        int Next(int maxExclusive);
    }
}
