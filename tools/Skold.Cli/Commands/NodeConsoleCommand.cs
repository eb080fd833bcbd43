using System.CommandLine;
using System.Globalization;
using Skold.Council;
using Skold.Gateway;
using Skold.HostLink;
using Skold.Mesh;

namespace Skold.Cli.Commands;

/// <summary>
/// `skold node console`: a technician's window onto one node's host link (docs/formats/host-link.md):
/// its status, log lines and what it hears, and on request its self-test or council time.
/// </summary>
internal static class NodeConsoleCommand
{
    public static Command Create(CommandIO io)
    {
        var port = new Option<string>("--port") { Description = "The node's host link: a serial device (/dev/ttyUSB0, COM5; an ESP32 relay's link is on its COM2 pins through a USB-serial adapter) or the Unix socket of `skold node run --host-link`. Prefix unix: or serial: to say which.", Required = true };
        var baud = new Option<string>("--baud") { Description = "Serial speed.", DefaultValueFactory = _ => SerialPortConnector.DefaultBaudRate.ToString(CultureInfo.InvariantCulture) };
        var seconds = new Option<string>("--seconds") { Description = "How long to listen (1..86400).", DefaultValueFactory = _ => "10" };
        var selfTest = new Option<bool>("--self-test") { Description = "Ask the node to run its self-test, print each step, and stop at its verdict (exit code 0 passed, 1 failed)." };
        var setTime = new Option<bool>("--set-time") { Description = "Give the node this computer's time as council time when the link opens (an ESP32 has no clock of its own)." };
        var command = new Command("console",
            "Opens a node's host link and prints its status, its log lines and every frame it hears; reconnects when the cable is pulled.");
        foreach (Option option in new Option[] { port, baud, seconds, selfTest, setTime })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            int listen = CliInput.Integer(parse.GetValue(seconds), "--seconds", 1, 86_400);
            ILinkConnector connector = GatewayHost.Connector(parse.GetValue(port)!, CliInput.Integer(parse.GetValue(baud), "--baud", 1200, 4_000_000));
            var verdict = new TaskCompletionSource<int>();
            var output = TextWriter.Synchronized(io.Output);
            using var link = new NodeLink(connector, line => output.WriteLine(line));
            if (parse.GetValue(setTime))
            {
                link.CouncilTime = () => SkoldTime.FromUnixSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            }
            link.FrameReceived += frame => output.WriteLine(Describe(frame));
            link.Answered += (request, result, _) =>
            {
                if (request.Type == HostLinkFrame.SelfTest)
                {
                    verdict.TrySetResult(result == 0 ? 0 : 1);
                }
            };
            link.Start();
            if (parse.GetValue(selfTest))
            {
                link.Send(new HostLinkFrame(HostLinkFrame.SelfTest, []));
                if (verdict.Task.Wait(TimeSpan.FromSeconds(listen)))
                {
                    return verdict.Task.Result;
                }
                throw new UsageException($"no self-test verdict from {connector.Name} within {listen} s (is it a node that offers one, and is the link up?)");
            }
            Thread.Sleep(TimeSpan.FromSeconds(listen));
            return 0;
        }));
        return command;
    }

    private static readonly string[] TypeNames = ["order", "station report", "beacon", "inventory", "request"];

    public static string Describe(HostLinkFrame frame)
    {
        byte[] p = frame.Payload;
        switch (frame.Type)
        {
            case HostLinkFrame.Status:
                try
                {
                    NodeStatus s = NodeStatus.Decode(p);
                    return string.Format(CultureInfo.InvariantCulture, "status: node {0}, {1} neighbour(s), {2} queued, {3} order(s) held, duty-cycle headroom {4} ms, battery {5} mV",
                        s.NodeId, s.Neighbours, s.Queue, s.OrdersHeld, s.DutyHeadroomMs, s.BatteryMillivolts);
                }
                catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
                {
                    return $"status: malformed ({p.Length} bytes)";
                }
            case HostLinkFrame.Log:
                return "log: " + System.Text.Encoding.UTF8.GetString(p);
            case HostLinkFrame.Answer when p.Length >= 2:
                string reason = System.Text.Encoding.UTF8.GetString(p, 2, p.Length - 2);
                return $"answer to request 0x{p[0]:x2}: {(p[1] == 0 ? "done" : "refused (" + p[1] + ")")}: {reason}";
            case HostLinkFrame.Heard when p.Length >= 4:
                int rssi = (short)((p[0] << 8) | p[1]);
                int snr = (short)((p[2] << 8) | p[3]);
                string what;
                try
                {
                    Frame heard = Frame.Decode(p, 4, p.Length - 4);
                    what = $"{TypeNames[heard.Type]} from node {heard.Sender}, message {heard.MessageId:x8}, hop {heard.HopCount}";
                }
                catch (Skold.Codec.MalformedDataException e)
                {
                    what = $"an undecodable frame of {p.Length - 4} bytes ({e.Message})";
                }
                return string.Format(CultureInfo.InvariantCulture, "heard: {0}, RSSI {1} dBm, SNR {2:F1} dB", what, rssi, snr / 10.0);
            default:
                return $"frame 0x{frame.Type:x2} of {p.Length} bytes";
        }
    }
}
