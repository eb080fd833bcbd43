using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.HostLink;

namespace Skold.Gateway.Tests;

/// <summary>Host-link frames as bytes on the wire, both ways, and waiting for what the gateway's threads do.</summary>
internal static class LinkWire
{
    public static byte[] Wire(int type, params byte[] payload) => HostLinkEncoder.Encode(new HostLinkFrame(type, payload));

    public static byte[] Answer(int type, int result, string reason) => Wire(HostLinkFrame.Answer, [(byte)type, (byte)result, .. System.Text.Encoding.UTF8.GetBytes(reason)]);

    public static List<HostLinkFrame> Decode(byte[] bytes)
    {
        var decoder = new HostLinkDecoder();
        var frames = new List<HostLinkFrame>();
        for (int at = 0; at < bytes.Length;)
        {
            HostLinkFrame? frame = decoder.Feed(bytes, at, bytes.Length - at, out int used);
            at += used;
            if (frame is not null)
            {
                frames.Add(frame);
            }
        }
        return frames;
    }

    public static List<HostLinkFrame> Sent(ScriptedStream stream) => Decode(stream.Written);

    public static void WaitFor(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            Thread.Sleep(10);
        }
    }
}
