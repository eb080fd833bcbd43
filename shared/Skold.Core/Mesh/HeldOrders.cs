using System;
using Skold.Crypto;

namespace Skold.Mesh
{
    /// <summary>
    /// The authentic, unexpired council orders a relay holds and serves to nodes that missed
    /// them, with a digest that two neighbours compare to notice they differ. An index only (id
    /// and expiry): the orders' bytes stay in the relay store (IRelayStore), on flash on a board.
    /// </summary>
    public sealed class HeldOrders
    {
        private readonly uint[] _ids;
        private readonly uint[] _expires;
        private int _count;

        public HeldOrders(int capacity)
        {
            _ids = new uint[capacity];
            _expires = new uint[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        public bool Holds(uint messageId)
        {
            return IndexOf(messageId) >= 0;
        }

        public uint IdAt(int index)
        {
            return _ids[index];
        }

        /// <summary>
        /// Adds an order; when full, the one expiring soonest makes room, unless the newcomer
        /// expires sooner still, which is then not kept. Returns false if not added.
        /// </summary>
        public bool Add(uint messageId, uint expires)
        {
            if (Holds(messageId))
            {
                return false;
            }
            int slot = _count;
            if (_count == _ids.Length)
            {
                slot = 0;
                for (int i = 1; i < _count; i++)
                {
                    if (_expires[i] < _expires[slot])
                    {
                        slot = i;
                    }
                }
                if (expires <= _expires[slot])
                {
                    return false;
                }
            }
            else
            {
                _count++;
            }
            _ids[slot] = messageId;
            _expires[slot] = expires;
            return true;
        }

        /// <summary>Forgets an order (the store no longer keeps it).</summary>
        public void Remove(uint messageId)
        {
            int i = IndexOf(messageId);
            if (i >= 0)
            {
                RemoveAt(i);
            }
        }

        /// <summary>Drops orders that expired by the given council time.</summary>
        public void DropExpired(uint now)
        {
            int i = 0;
            while (i < _count)
            {
                if (_expires[i] <= now)
                {
                    RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }
        }

        /// <summary>First four bytes of SHA-256 over the held message ids in increasing order: equal sets, equal digests.</summary>
        public uint Digest()
        {
            uint[] sorted = new uint[_count];
            Array.Copy(_ids, sorted, _count);
            for (int i = 1; i < sorted.Length; i++)
            {
                uint value = sorted[i];
                int j = i - 1;
                while (j >= 0 && sorted[j] > value)
                {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = value;
            }
            byte[] bytes = new byte[sorted.Length * 4];
            for (int i = 0; i < sorted.Length; i++)
            {
                Bytes.WriteUInt32LittleEndian(bytes, 4 * i, sorted[i]);
            }
            return Bytes.ReadUInt32LittleEndian(Sha256.Hash(bytes), 0);
        }

        private void RemoveAt(int i)
        {
            _count--;
            _ids[i] = _ids[_count];
            _expires[i] = _expires[_count];
        }

        private int IndexOf(uint messageId)
        {
            for (int i = 0; i < _count; i++)
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
