namespace Skold.Transparency;

/// <summary>
/// A well-formed signed note must not be trusted: a known key's signature does not verify, or no
/// signature comes from a known key. The message names the keys involved.
/// </summary>
public sealed class NoteVerificationException : Exception
{
    /// <summary>Creates the exception with a reason a reader can act on.</summary>
    public NoteVerificationException(string message)
        : base(message)
    {
    }
}
