using System;

namespace Skold.Station
{
    /// <summary>
    /// Households by pseudonym: open addressing over the pseudonym's first bytes, which are
    /// HMAC output and so already uniform. Written here because nanoFramework's Hashtable
    /// does not handle colliding hash codes.
    /// </summary>
    public sealed class HouseholdTable
    {
        private byte[][] _keys = new byte[64][];
        private HouseholdState[] _values = new HouseholdState[64];

        public int Count { get; private set; }

        public HouseholdState? Find(byte[] pseudonym)
        {
            int slot = Slot(_keys, pseudonym);
            return _keys[slot] == null ? null : _values[slot];
        }

        public HouseholdState GetOrAdd(byte[] pseudonym)
        {
            int slot = Slot(_keys, pseudonym);
            if (_keys[slot] != null)
            {
                return _values[slot];
            }
            if ((Count + 1) * 2 > _keys.Length)
            {
                Grow();
                slot = Slot(_keys, pseudonym);
            }
            HouseholdState state = new HouseholdState();
            _keys[slot] = pseudonym;
            _values[slot] = state;
            Count++;
            return state;
        }

        public HouseholdState[] All()
        {
            HouseholdState[] all = new HouseholdState[Count];
            int n = 0;
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] != null)
                {
                    all[n++] = _values[i];
                }
            }
            return all;
        }

        private void Grow()
        {
            byte[][] keys = new byte[_keys.Length * 2][];
            HouseholdState[] values = new HouseholdState[keys.Length];
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] != null)
                {
                    int slot = Slot(keys, _keys[i]);
                    keys[slot] = _keys[i];
                    values[slot] = _values[i];
                }
            }
            _keys = keys;
            _values = values;
        }

        private static int Slot(byte[][] keys, byte[] pseudonym)
        {
            int mask = keys.Length - 1;
            int slot = (pseudonym[0] | (pseudonym[1] << 8) | (pseudonym[2] << 16)) & mask;
            while (keys[slot] != null && !Bytes.SameBytes(keys[slot], pseudonym))
            {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

    }
}
