namespace Skold.Board.Node
{
    /// <summary>One line of progress for a person: what is happening and its details, as text (the self-test's steps).</summary>
    public delegate void NodeLogHandler(long nowMs, string evt, string detail);
}
