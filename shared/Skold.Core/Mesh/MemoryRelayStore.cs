using System;

namespace Skold.Mesh
{
    /// <summary>
    /// A relay's store in RAM, for the host (the simulator, tests, a node without a store file):
    /// it outlives an engine across a simulated reboot when the same instance is passed again.
    /// Keeps the newest SeenCapacity keys and MaxOrders orders, like the board's flash store.
    /// </summary>
    public sealed class MemoryRelayStore : IRelayStore
    {
        public const int SeenCapacity = 256;
        public const int MaxOrders = 48;

        private readonly long[] _seen = new long[SeenCapacity];
        private readonly uint[] _ids = new uint[MaxOrders];
        private readonly byte[][] _orders = new byte[MaxOrders][];
        private int _seenCount;
        private int _orderCount;

        /// <summary>Orders kept now.</summary>
        public int OrderCount
        {
            get { return _orderCount; }
        }

        public void AppendSeen(long frameKey)
        {
            _seen[_seenCount % SeenCapacity] = frameKey;
            _seenCount++;
        }

        public long[] LoadSeen(int maxCount)
        {
            int kept = _seenCount < SeenCapacity ? _seenCount : SeenCapacity;
            int count = kept < maxCount ? kept : maxCount;
            long[] keys = new long[count < 0 ? 0 : count];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = _seen[(_seenCount - keys.Length + i) % SeenCapacity];
            }
            return keys;
        }

        public void AppendOrder(uint messageId, byte[] message)
        {
            if (_orderCount == MaxOrders)
            {
                Array.Copy(_ids, 1, _ids, 0, MaxOrders - 1);
                Array.Copy(_orders, 1, _orders, 0, MaxOrders - 1);
                _orderCount--;
            }
            _ids[_orderCount] = messageId;
            _orders[_orderCount] = message;
            _orderCount++;
        }

        public uint[] OrderIds()
        {
            uint[] ids = new uint[_orderCount];
            Array.Copy(_ids, ids, _orderCount);
            return ids;
        }

        public int OrderLength(uint messageId)
        {
            int i = IndexOf(messageId);
            return i < 0 ? 0 : _orders[i].Length;
        }

        public bool ReadOrder(uint messageId, int at, byte[] buffer, int offset, int count)
        {
            int i = IndexOf(messageId);
            if (i < 0 || at < 0 || count < 0 || at + count > _orders[i].Length)
            {
                return false;
            }
            Array.Copy(_orders[i], at, buffer, offset, count);
            return true;
        }

        private int IndexOf(uint messageId)
        {
            // Newest first: an order appended again after it was forgotten is the one that counts.
            for (int i = _orderCount - 1; i >= 0; i--)
            {
                if (_ids[i] == messageId)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
