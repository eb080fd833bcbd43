using Skold.Mesh;

namespace Skold.Tests.Portable
{
    /// <summary>Seeded randomness for relay engines, in the subset (System.Random is not in it).</summary>
    public sealed class XorShiftRandom : IRandomSource
    {
        private uint _state;

        public XorShiftRandom(int seed)
        {
            _state = (uint)seed * 2654435761u | 1;
        }

        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return (int)(_state % (uint)maxExclusive);
        }
    }
}
