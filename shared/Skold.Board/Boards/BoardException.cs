using System;

namespace Skold.Board.Boards
{
    /// <summary>The board configuration cannot be used (an unknown pin-map name): the message says what to do.</summary>
    public class BoardException : Exception
    {
        public BoardException(string message)
            : base(message)
        {
        }
    }
}
