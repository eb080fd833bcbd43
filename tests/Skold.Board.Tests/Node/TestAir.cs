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
            foreach (TestNode node in nodes)
            {
                node.App.Step();
                if (node.Chip.Mode == Registers.ModeTransmit && node.Chip.FinishTransmit())
                {
                    frames++;
                    byte[] frame = node.Chip.Transmitted[^1];
                    foreach (TestNode other in nodes.Where(n => n != node))
                    {
                        other.Chip.Receive(frame, 60, 24);
                    }
                }
            }
            foreach (TestNode node in nodes)
            {
                node.Board.Now += 10;
            }
        }
        foreach (TestNode node in nodes)
        {
            node.Link.Drain();
        }
        return frames;
    }
}
