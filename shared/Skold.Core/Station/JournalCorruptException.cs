using System;

namespace Skold.Station
{
    /// <summary>The journal holds damage that a power cut cannot explain; nothing is written to it.</summary>
    public class JournalCorruptException : Exception
    {
        public JournalCorruptException(string message)
            : base(message)
        {
        }
    }
}
