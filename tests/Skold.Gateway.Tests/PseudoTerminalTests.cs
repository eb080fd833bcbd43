using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Microsoft.Win32.SafeHandles;
using Skold.HostLink;

namespace Skold.Gateway.Tests;

/// <summary>
/// The serial transport on a real Linux pseudo-terminal: the gateway opens the slave side with
/// System.IO.Ports as it would /dev/ttyUSB0, the test plays the node on the master side, then
/// closes it as a pulled cable would vanish.
/// </summary>
[TestClass]
public class PseudoTerminalTests
{
    [DllImport("libc", SetLastError = true)]
    private static extern int openpty(out int master, out int slave, IntPtr name, IntPtr termios, IntPtr winsize);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr ptsname(int fd);

    [DllImport("libc")]
    private static extern int close(int fd);

    [TestMethod]
    public void TheSerialTransportCarriesFramesOverAPseudoTerminalAndNoticesTheOtherEndGoing()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("pseudo-terminals are opened with Linux's openpty");
        }
        Assert.AreEqual(0, openpty(out int master, out int slave, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero), "openpty: errno " + Marshal.GetLastPInvokeError());
        string device = Marshal.PtrToStringAnsi(ptsname(master))!;
        var node = new FileStream(new SafeFileHandle(master, ownsHandle: true), FileAccess.ReadWrite, 1);
        var log = new List<string>();
        var frames = new List<HostLinkFrame>();
        var connector = GatewayHost.Connector(device, 115200);
        Assert.IsInstanceOfType<SerialPortConnector>(connector);
        using var link = new NodeLink(connector, m => { lock (log) { log.Add(m); } }) { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) };
        link.FrameReceived += f => { lock (frames) { frames.Add(f); } };
        link.Start();
        Wait(() => link.Connected, "the serial port to open");
        close(slave); // the gateway holds its own descriptor now

        // Host to node: the ping on connecting and an order, byte for byte (raw mode, no echo, no CR/LF mangling).
        byte[] order = [0x0a, 0x0d, 0xc0, 0xdb, 0x11, 0x13, 0x7f, 0x00];
        link.Send(new HostLinkFrame(HostLinkFrame.SendOrder, order));
        var decoder = new HostLinkDecoder();
        var fromHost = new List<HostLinkFrame>();
        byte[] buffer = new byte[256];
        while (fromHost.Count < 2)
        {
            int read = node.Read(buffer, 0, buffer.Length);
            for (int at = 0; at < read;)
            {
                HostLinkFrame? frame = decoder.Feed(buffer, at, read - at, out int used);
                at += used;
                if (frame is not null)
                {
                    fromHost.Add(frame);
                }
            }
        }
        Assert.AreEqual(HostLinkFrame.Ping, fromHost[0].Type);
        CollectionAssert.AreEqual(order, fromHost[1].Payload);

        // Node to host: line noise, then an answer.
        node.Write([0x0d, 0x0a, 0x41, .. HostLinkEncoder.Encode(new HostLinkFrame(HostLinkFrame.Answer, [HostLinkFrame.SendOrder, 0, 0x6f, 0x6b]))]);
        node.Flush();
        Wait(() => { lock (frames) { return frames.Count == 1; } }, "the answer over the pty");
        Assert.AreEqual(0, link.OpenRequests, "the order was answered");

        // The other end goes away (a pulled USB cable): the link notices and keeps trying.
        node.Dispose();
        Wait(() => !link.Connected, "the link to notice the pull");
        Wait(() => { lock (log) { return log.Any(l => l.Contains("lost")); } }, "a log line about the loss");
    }

    private static void Wait(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            Thread.Sleep(10);
        }
    }
}
