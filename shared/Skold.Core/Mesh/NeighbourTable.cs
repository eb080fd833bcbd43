namespace Skold.Mesh
{
    /// <summary>The nodes a relay has heard recently; bounded, the longest-silent node is forgotten first.</summary>
    public sealed class NeighbourTable
    {
        private readonly Neighbour?[] _entries;

        public NeighbourTable(int capacity)
        {
            _entries = new Neighbour?[capacity];
        }

        public int Capacity
        {
            get { return _entries.Length; }
        }

        public Neighbour? At(int index)
        {
            return _entries[index];
        }

        public Neighbour? Find(int id)
        {
            for (int i = 0; i < _entries.Length; i++)
            {
                Neighbour? n = _entries[i];
                if (n != null && n.Id == id)
                {
                    return n;
                }
            }
            return null;
        }

        public Neighbour Heard(int id, int snrTenths, long nowMs)
        {
            Neighbour? n = Find(id);
            if (n == null)
            {
                int slot = 0;
                for (int i = 0; i < _entries.Length; i++)
                {
                    Neighbour? e = _entries[i];
                    if (e == null)
                    {
                        slot = i;
                        break;
                    }
                    if (e.LastHeardMs < _entries[slot]!.LastHeardMs)
                    {
                        slot = i;
                    }
                }
                n = new Neighbour(id);
                _entries[slot] = n;
            }
            n.LastHeardMs = nowMs;
            n.SnrTenths = snrTenths;
            return n;
        }

        /// <summary>Ids of nodes heard since the given time with at least the given SNR, at most max of them, best first.</summary>
        public int[] Reliable(long sinceMs, int minSnrTenths, int max)
        {
            int[] ids = new int[max];
            int[] snrs = new int[max];
            int count = 0;
            for (int i = 0; i < _entries.Length; i++)
            {
                Neighbour? n = _entries[i];
                if (n == null || n.LastHeardMs < sinceMs || n.SnrTenths < minSnrTenths)
                {
                    continue;
                }
                int at = count < max ? count++ : max;
                while (at > 0 && snrs[at - 1] < n.SnrTenths)
                {
                    if (at < max)
                    {
                        ids[at] = ids[at - 1];
                        snrs[at] = snrs[at - 1];
                    }
                    at--;
                }
                if (at < max)
                {
                    ids[at] = n.Id;
                    snrs[at] = n.SnrTenths;
                }
            }
            int[] result = new int[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = ids[i];
            }
            return result;
        }
    }
}
