using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Skold.Council;

namespace Skold.Gateway;

/// <summary>
/// A whole gateway as `skold gateway` runs it: the store, the node link, the policy check, the
/// outbox and the web service, started and stopped together.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly Timer _status;

    private GatewayHost(GatewayStore store, NodeLink link, CouncilGateway gateway, WebApplication app, OutboxWatcher? outbox, TimeSpan statusEvery)
    {
        Store = store;
        Link = link;
        Gateway = gateway;
        App = app;
        Outbox = outbox;
        _status = GatewayApp.PollStatus(link, statusEvery);
    }

    public GatewayStore Store { get; }

    public NodeLink Link { get; }

    public CouncilGateway Gateway { get; }

    public WebApplication App { get; }

    public OutboxWatcher? Outbox { get; }

    /// <summary>
    /// "unix:PATH" or "serial:DEVICE" say which; otherwise /dev/tty*, /dev/serial/* and COMn are
    /// serial ports and anything else is taken as the Linux node's Unix socket.
    /// </summary>
    public static ILinkConnector Connector(string port, int baudRate)
    {
        if (port.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new UnixSocketConnector(port[5..]);
        }
        if (port.StartsWith("serial:", StringComparison.Ordinal))
        {
            return new SerialPortConnector(port[7..], baudRate);
        }
        bool serial = port.StartsWith("/dev/tty", StringComparison.Ordinal) || port.StartsWith("/dev/serial/", StringComparison.Ordinal)
            || port.StartsWith("/dev/pts/", StringComparison.Ordinal) || port.StartsWith("COM", StringComparison.OrdinalIgnoreCase);
        return serial ? new SerialPortConnector(port, baudRate) : new UnixSocketConnector(port);
    }

    public static GatewayHost Create(GatewayHostOptions options, Action<string> log)
    {
        GatewayStore store = GatewayStore.Open(options.Database);
        var link = new NodeLink(options.Connector, log) { MaxBackoff = options.MaxBackoff };
        var gateway = new CouncilGateway(options.Registry, store, link, log);
        WebApplication app = GatewayApp.Build(gateway, options.Positions, options.Listen, logging => logging.ClearProviders());
        OutboxWatcher? outbox = options.Outbox is null ? null : new OutboxWatcher(options.Outbox, gateway, log);
        link.Start();
        return new GatewayHost(store, link, gateway, app, outbox, options.StatusEvery);
    }

    public async ValueTask DisposeAsync()
    {
        await _status.DisposeAsync();
        Outbox?.Dispose();
        await App.DisposeAsync();
        Link.Dispose();
        Store.Dispose();
    }
}
