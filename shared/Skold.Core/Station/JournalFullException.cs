using System;

namespace Skold.Station
{
    /// <summary>The journal partition has no room for another record (room for the closing checkpoint is kept).</summary>
    public class JournalFullException : Exception
    {
        public JournalFullException(string message)
            : base(message)
        {
        }
    }
}
