namespace Skold.Mesh
{
    /// <summary>
    /// What a relay keeps across reboots: the frames it has already seen (so a rebooted node does
    /// not flood them again) and the orders it holds (so it can serve them to others). The engine
    /// keeps only an index of the orders in RAM and reads an order's bytes back from here when it
    /// sends or compares one: the board keeps them on flash, the host in a file or memory.
    /// </summary>
    public interface IRelayStore
    {
        void AppendSeen(long frameKey);

        /// <summary>The most recent keys appended, oldest first, at most the given count.</summary>
        long[] LoadSeen(int maxCount);

        /// <summary>Keeps an accepted order under its message id. A store that is full forgets its oldest order.</summary>
        void AppendOrder(uint messageId, byte[] message);

        /// <summary>The ids of the orders kept, oldest first.</summary>
        uint[] OrderIds();

        /// <summary>The length in bytes of a kept order; 0 when it is not kept (or no longer).</summary>
        int OrderLength(uint messageId);

        /// <summary>Copies count bytes of a kept order, from byte at of the order; false when it is not kept or the range passes its end.</summary>
        bool ReadOrder(uint messageId, int at, byte[] buffer, int offset, int count);
    }
}
