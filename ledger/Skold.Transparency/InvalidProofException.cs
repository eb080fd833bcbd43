namespace Skold.Transparency;

/// <summary>A Merkle inclusion or consistency proof does not prove what it was offered for; the message says which check failed.</summary>
public sealed class InvalidProofException : Exception
{
    /// <summary>Creates the exception with a reason a reader can act on.</summary>
    public InvalidProofException(string message)
        : base(message)
    {
    }
}
