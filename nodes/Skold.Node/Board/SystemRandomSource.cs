// Board code: built by the nanoFramework toolchain only. API: System.Random (nanoFramework.CoreLibrary 1.17.11).
using System;
using Skold.Mesh;

namespace Skold.Node.Board
{
    /// <summary>Timing jitter for the relay engine from nanoFramework's Random (its native seed; jitter needs no secrecy).</summary>
    public sealed class SystemRandomSource : IRandomSource
    {
        private readonly Random _random = new Random();

        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
        }
    }
}
