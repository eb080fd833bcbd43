using Skold.Radio.Sx127x;

namespace Skold.Board.Tests.Node;

/// <summary>Boards in radio range of each other: every frame one transmits, the others hear (when listening).</summary>
public static class TestAir
{
    public static int Run(long ms, params TestNode[] nodes)
    {
        int frames = 0;
        long until = nodes[0].Board.Now + ms;
        while (nodes[0].Board.Now < until)
        {
            frames += Turn(nodes);
        }
        foreach (TestNode node in nodes)
        {
            node.Link.Drain();
        }
        return frames;
    }

    /// <summary>
    /// One 10 ms turn: each node steps (through aroundStep when given, for a caller that measures
    /// one), a finished frame goes to every other node and to sent; then every clock moves on.
    /// Returns the frames sent in the turn.
    /// </summary>
    public static int Turn(IReadOnlyList<TestNode> nodes, Action<TestNode, byte[]>? sent = null, Action<TestNode, Action>? aroundStep = null)
    {
        int frames = 0;
        foreach (TestNode node in nodes)
        {
            if (aroundStep is null)
            {
                node.App.Step();
            }
            else
            {
                aroundStep(node, () => node.App.Step());
            }
            if (node.Chip.Mode == Registers.ModeTransmit && node.Chip.FinishTransmit())
            {
                frames++;
                byte[] frame = node.Chip.Transmitted[^1];
                sent?.Invoke(node, frame);
                foreach (TestNode other in nodes)
                {
                    if (other != node)
                    {
                        other.Chip.Receive(frame, 60, 24);
                    }
                }
            }
        }
        foreach (TestNode node in nodes)
        {
            node.Board.Now += 10;
        }
        return frames;
    }
}
