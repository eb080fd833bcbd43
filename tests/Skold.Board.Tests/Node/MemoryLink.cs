using Skold.Board.Node;
using Skold.HostLink;

namespace Skold.Board.Tests.Node;

/// <summary>
/// The serial cable in memory: what the host writes waits for the node's Read, in pieces of at
/// most ChunkSize bytes (a UART delivers what has arrived, not whole frames); what the node
/// writes is decoded on the host side as the gateway would.
/// </summary>
public sealed class MemoryLink : IByteLink
{
    private readonly Queue<byte> _toNode = new();
    private readonly List<byte> _fromNode = [];
    private readonly HostLinkDecoder _hostDecoder = new();
    private int _decodedUpTo;

    public int ChunkSize { get; set; } = 7;

    public List<HostLinkFrame> Received { get; } = [];

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && n < ChunkSize && _toNode.Count > 0)
        {
            buffer[offset + n++] = _toNode.Dequeue();
        }
        return n;
    }

    public void Write(byte[] data, int offset, int count) => _fromNode.AddRange(data.AsSpan(offset, count).ToArray());

    public void HostSends(HostLinkFrame frame) => HostSendsBytes(HostLinkEncoder.Encode(frame));

    public void HostSendsBytes(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            _toNode.Enqueue(b);
        }
    }

    /// <summary>Decodes what the node wrote since the last call; returns the new frames.</summary>
    public List<HostLinkFrame> Drain()
    {
        var fresh = new List<HostLinkFrame>();
        byte[] bytes = _fromNode.ToArray();
        for (int at = _decodedUpTo; at < bytes.Length;)
        {
            HostLinkFrame? frame = _hostDecoder.Feed(bytes, at, bytes.Length - at, out int used);
            at += used;
            if (frame is not null)
            {
                fresh.Add(frame);
            }
        }
        _decodedUpTo = bytes.Length;
        Received.AddRange(fresh);
        return fresh;
    }

    public IEnumerable<string> Logs => Received.Where(f => f.Type == HostLinkFrame.Log).Select(f => System.Text.Encoding.UTF8.GetString(f.Payload));

    public IEnumerable<(int Type, int Result, string Reason)> Answers =>
        Received.Where(f => f.Type == HostLinkFrame.Answer).Select(f => ((int)f.Payload[0], (int)f.Payload[1], System.Text.Encoding.UTF8.GetString(f.Payload, 2, f.Payload.Length - 2)));
}
