using System;

namespace Skold.Mesh
{
    /// <summary>
    /// Puts fragmented messages back together in a fixed number of slots. A message whose
    /// fragments do not all arrive within the timeout is dropped, and when every slot is busy the
    /// oldest is given up if it has had MinimumAgeMs, else the newcomer is, so memory stays
    /// bounded whatever arrives. A completed message whose
    /// SHA-256 does not match its id is discarded.
    /// </summary>
    public sealed class Reassembler
    {
        /// <summary>How long a message in progress is safe from being pushed out by a newer one.</summary>
        public const long MinimumAgeMs = 30 * 1000;

        private readonly uint[] _ids;
        private readonly byte[][][] _parts;
        private readonly long[] _started;
        private readonly bool[] _used;
        private readonly long _timeoutMs;

        public Reassembler(int slots, long timeoutMs)
        {
            _ids = new uint[slots];
            _parts = new byte[slots][][];
            _started = new long[slots];
            _used = new bool[slots];
            _timeoutMs = timeoutMs;
        }

        /// <summary>Adds a fragment; returns the whole message once its last fragment is in, else null.</summary>
        public byte[]? Add(Frame frame, long nowMs)
        {
            if (frame.FragmentCount == 1)
            {
                return Frame.MessageIdOf(frame.Payload) == frame.MessageId ? frame.Payload : null;
            }
            if (frame.FragmentIndex < frame.FragmentCount - 1 && frame.Payload.Length != Frame.MaxPayload)
            {
                return null;
            }
            Expire(nowMs);
            int slot = Find(frame.MessageId, frame.FragmentCount);
            if (slot < 0)
            {
                slot = Claim(nowMs);
                if (slot < 0)
                {
                    // Every slot holds a message begun moments ago: the newcomer waits for a later copy.
                    return null;
                }
                _ids[slot] = frame.MessageId;
                _parts[slot] = new byte[frame.FragmentCount][];
                _started[slot] = nowMs;
                _used[slot] = true;
            }
            byte[][] parts = _parts[slot];
            parts[frame.FragmentIndex] = frame.Payload;
            int total = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i] == null)
                {
                    return null;
                }
                total += parts[i].Length;
            }
            byte[] message = new byte[total];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                Array.Copy(parts[i], 0, message, at, parts[i].Length);
                at += parts[i].Length;
            }
            Release(slot);
            return Frame.MessageIdOf(message) == frame.MessageId ? message : null;
        }

        public int InProgress
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _used.Length; i++)
                {
                    if (_used[i])
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        private int Find(uint id, int count)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_used[i] && _ids[i] == id && _parts[i].Length == count)
                {
                    return i;
                }
            }
            return -1;
        }

        // A free slot, else the oldest one if it has waited at least MinimumAgeMs; else -1, so a
        // burst of fresh ids cannot push out messages whose fragments are still arriving.
        private int Claim(long nowMs)
        {
            int oldest = 0;
            for (int i = 0; i < _used.Length; i++)
            {
                if (!_used[i])
                {
                    return i;
                }
                if (_started[i] < _started[oldest])
                {
                    oldest = i;
                }
            }
            return nowMs - _started[oldest] >= MinimumAgeMs ? oldest : -1;
        }

        private void Expire(long nowMs)
        {
            for (int i = 0; i < _used.Length; i++)
            {
                if (_used[i] && nowMs - _started[i] > _timeoutMs)
                {
                    Release(i);
                }
            }
        }

        private void Release(int slot)
        {
            _used[slot] = false;
            _parts[slot] = null!;
        }
    }
}
