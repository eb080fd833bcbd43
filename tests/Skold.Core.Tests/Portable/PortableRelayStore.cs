using System.Collections;
using Skold.Mesh;

namespace Skold.Tests.Portable
{
    /// <summary>A relay's flash in memory, in the subset; survives a simulated reboot when the same instance is passed again.</summary>
    public sealed class PortableRelayStore : IRelayStore
    {
        private readonly ArrayList _seen = new ArrayList();
        private readonly ArrayList _orders = new ArrayList();

        public int OrderCount
        {
            get { return _orders.Count; }
        }

        public void AppendSeen(long frameKey)
        {
            _seen.Add(frameKey);
        }

        public void AppendOrder(byte[] message)
        {
            _orders.Add(message);
        }

        public long[] LoadSeen(int maxCount)
        {
            int count = _seen.Count < maxCount ? _seen.Count : maxCount;
            long[] keys = new long[count];
            for (int i = 0; i < count; i++)
            {
                keys[i] = (long)_seen[_seen.Count - count + i]!;
            }
            return keys;
        }

        public byte[][] LoadOrders()
        {
            byte[][] orders = new byte[_orders.Count][];
            for (int i = 0; i < orders.Length; i++)
            {
                orders[i] = (byte[])_orders[i]!;
            }
            return orders;
        }
    }
}
