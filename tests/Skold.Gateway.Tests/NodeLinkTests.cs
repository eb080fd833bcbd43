using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.HostLink;

using static Skold.Gateway.Tests.LinkWire;

namespace Skold.Gateway.Tests;

[TestClass]
public class NodeLinkTests
{
    [TestMethod]
    public void FramesSurviveGarbageAndSplitAndMergedReads()
    {
        byte[] status = Wire(HostLinkFrame.Status, 0, 9, 0, 1, 0, 0, 0, 0, 0, 0, 0x0d, 0xbb, 0x10, 0x04);
        byte[] heard = Wire(HostLinkFrame.Heard, 0xff, 0xa6, 0x00, 0x50, 0xc0, 0xdb, 1, 2, 3); // payload bytes needing escapes
        byte[] answer = Wire(HostLinkFrame.Answer, HostLinkFrame.SendOrder, 0, (byte)'o', (byte)'k');
        byte[] corrupt = Wire(HostLinkFrame.Heard, 0, 0, 0, 0, 9, 9, 9);
        corrupt[4] ^= 0x01; // a bit flipped on the wire: the CRC catches it
        byte[] all = [.. "boot: ets Jun  8 2016 rst:0x1"u8.ToArray(), .. status, .. corrupt, 0xdb, 0x42, .. heard, .. answer];
        // Split at awkward places: inside an escape, between FENDs, one byte at a time; and merged.
        var chunks = new List<byte[]> { all[..3], all[3..(30 + status.Length / 2)] };
        int at = 30 + status.Length / 2;
        int escape = Array.IndexOf(all, (byte)0xdb, at + corrupt.Length + 2);
        chunks.Add(all[at..(escape + 1)]);
        for (int i = escape + 1; i < escape + 5; i++)
        {
            chunks.Add([all[i]]);
        }
        chunks.Add(all[(escape + 5)..]);
        var port = new ScriptedLink();
        port.Queue(false, [.. chunks]);
        using var link = new NodeLink(port, _ => { });
        var frames = new List<HostLinkFrame>();
        link.FrameReceived += f =>
        {
            lock (frames)
            {
                frames.Add(f);
            }
        };
        link.Start();
        WaitFor(() => { lock (frames) { return frames.Count == 3; } }, "three frames");
        Thread.Sleep(100);
        lock (frames)
        {
            CollectionAssert.AreEqual(new[] { HostLinkFrame.Status, HostLinkFrame.Heard, HostLinkFrame.Answer }, frames.Select(f => f.Type).ToArray());
            CollectionAssert.AreEqual(new byte[] { 0xff, 0xa6, 0x00, 0x50, 0xc0, 0xdb, 1, 2, 3 }, frames[1].Payload);
        }
        Assert.AreEqual(2, link.Rejected, "the corrupted frame and the bad escape are counted");
    }

    [TestMethod]
    public void APulledCableCutsAFrameAndTheLinkReconnectsAndSendsTheUnansweredOrderAgain()
    {
        byte[] order = [1, 2, 3, 0xc0, 4];
        byte[] statusFrame = Wire(HostLinkFrame.Status, 0, 9, 0, 1, 0, 0, 0, 0, 0, 0, 0x0d, 0xbb, 0x10, 0x04);
        var port = new ScriptedLink();
        // First connection: the node sends half a frame, then the cable is pulled.
        ScriptedStream first = port.Queue(true, statusFrame[..8]);
        var log = new List<string>();
        using var link = new NodeLink(port, m => { lock (log) { log.Add(m); } }) { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(80) };
        var frames = new List<HostLinkFrame>();
        var answers = new List<(HostLinkFrame Request, int Result, string Reason)>();
        link.FrameReceived += f => { lock (frames) { frames.Add(f); } };
        link.Answered += (r, code, why) => { lock (answers) { answers.Add((r, code, why)); } };
        link.Send(new HostLinkFrame(HostLinkFrame.SendOrder, order)); // before any connection: kept open
        link.Start();
        WaitFor(() => first.Closed, "the first connection to die");
        WaitFor(() => port.Refused >= 2, "reconnect attempts while unplugged");

        // Plugged in again: the node restarted; it answers the order that is sent again.
        ScriptedStream second = port.Queue(false, [.. statusFrame[8..], .. statusFrame], Wire(HostLinkFrame.Answer, HostLinkFrame.SendOrder, 0, (byte)'q'));
        WaitFor(() => { lock (answers) { return answers.Count == 1; } }, "the answer after reconnecting");
        List<HostLinkFrame> sentFirst = Decode(first.Written);
        List<HostLinkFrame> sentSecond = Decode(second.Written);
        Assert.IsTrue(sentFirst.Any(f => f.Type == HostLinkFrame.SendOrder), "sent on the first connection");
        HostLinkFrame resent = sentSecond.Single(f => f.Type == HostLinkFrame.SendOrder);
        CollectionAssert.AreEqual(order, resent.Payload, "the unanswered order is sent again after reconnecting");
        Assert.IsTrue(sentSecond.Any(f => f.Type == HostLinkFrame.Ping), "a ping asks the restarted node for its status");
        lock (frames)
        {
            // The half frame from before the pull never turns into a frame; the whole one after it does.
            Assert.AreEqual(1, frames.Count(f => f.Type == HostLinkFrame.Status));
        }
        Assert.AreEqual(0, answers[0].Result);
        Assert.AreEqual(0, link.OpenRequests);
        Assert.AreEqual(2, link.Connections);
        lock (log)
        {
            Assert.IsTrue(log.Any(l => l.Contains("lost (Input/output error")), string.Join("\n", log));
            Assert.IsTrue(log.Any(l => l.Contains("sent again 1 unanswered request")), string.Join("\n", log));
        }
    }
}
