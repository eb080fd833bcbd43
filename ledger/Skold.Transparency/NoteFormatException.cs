namespace Skold.Transparency;

/// <summary>
/// A signed note, checkpoint or key text is not in the form its specification requires. The
/// message names the rule that was broken, so the publisher can fix what it produces.
/// </summary>
public sealed class NoteFormatException : FormatException
{
    /// <summary>Creates the exception with a reason a reader can act on.</summary>
    public NoteFormatException(string message)
        : base(message)
    {
    }
}
