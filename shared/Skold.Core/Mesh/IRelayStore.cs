namespace Skold.Mesh
{
    /// <summary>
    /// What a relay keeps across reboots: the frames it has already seen (so a rebooted node does
    /// not flood them again) and the orders it holds (so it can serve them to others). The board
    /// appends to flash; the host keeps a file or memory.
    /// </summary>
    public interface IRelayStore
    {
        void AppendSeen(long frameKey);

        void AppendOrder(byte[] message);

        /// <summary>The most recent keys appended, oldest first, at most the given count.</summary>
        long[] LoadSeen(int maxCount);

        byte[][] LoadOrders();
    }
}
