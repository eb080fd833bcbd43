namespace Skold.Gateway;

/// <summary>
/// Opens the byte stream to a node's host link: a serial port or the Linux node's Unix socket.
/// Each call opens a fresh connection; the link calls it again after the old one died.
/// </summary>
public interface ILinkConnector
{
    /// <summary>What the log calls this link, such as "/dev/ttyUSB0".</summary>
    string Name { get; }

    /// <summary>Opens the link or throws (IOException, SocketException, UnauthorizedAccessException) when it cannot be opened now.</summary>
    Stream Connect();
}
