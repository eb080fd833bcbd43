using System.Net.Sockets;

namespace Skold.Gateway;

/// <summary>The host link of `skold node run --host-link PATH`: a Unix domain socket.</summary>
public sealed class UnixSocketConnector(string path) : ILinkConnector
{
    public string Name => path;

    public Stream Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new NetworkStream(socket, ownsSocket: true);
    }
}
