namespace Skold.Board.Node
{
    /// <summary>
    /// A byte stream to the host (the board's serial port; a memory pipe in tests). Read never
    /// blocks: it returns what has arrived, 0 when nothing has. Write sends all bytes.
    /// </summary>
    public interface IByteLink
    {
        int Read(byte[] buffer, int offset, int count);

        void Write(byte[] data, int offset, int count);
    }
}
