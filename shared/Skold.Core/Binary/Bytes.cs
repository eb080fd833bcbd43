using System;

namespace Skold
{
    /// <summary>
    /// Fixed-endian integer access and range checks on byte arrays. nanoFramework's
    /// BitConverter differs from the desktop one, so the core reads and writes bytes itself.
    /// </summary>
    public static class Bytes
    {
        public static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset),
                    "offset " + offset + " and count " + count + " do not fit a buffer of " + buffer.Length + " bytes");
            }
        }

        public static uint ReadUInt32BigEndian(byte[] b, int offset)
        {
            return ((uint)b[offset] << 24) | ((uint)b[offset + 1] << 16) | ((uint)b[offset + 2] << 8) | b[offset + 3];
        }

        public static ulong ReadUInt64BigEndian(byte[] b, int offset)
        {
            return ((ulong)ReadUInt32BigEndian(b, offset) << 32) | ReadUInt32BigEndian(b, offset + 4);
        }

        public static void WriteUInt32BigEndian(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)(value >> 24);
            b[offset + 1] = (byte)(value >> 16);
            b[offset + 2] = (byte)(value >> 8);
            b[offset + 3] = (byte)value;
        }

        public static void WriteUInt64BigEndian(byte[] b, int offset, ulong value)
        {
            WriteUInt32BigEndian(b, offset, (uint)(value >> 32));
            WriteUInt32BigEndian(b, offset + 4, (uint)value);
        }

        public static uint ReadUInt32LittleEndian(byte[] b, int offset)
        {
            return b[offset] | ((uint)b[offset + 1] << 8) | ((uint)b[offset + 2] << 16) | ((uint)b[offset + 3] << 24);
        }

        public static void WriteUInt32LittleEndian(byte[] b, int offset, uint value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Compares in time that depends on the length only, not on where bytes differ.</summary>
        public static bool FixedTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }
            return difference == 0;
        }

        /// <summary>Whole arrays of the same length and content (keys, ids, pseudonyms), in fixed time for the length.</summary>
        public static bool SameBytes(byte[] a, byte[] b)
        {
            return a.Length == b.Length && FixedTimeEquals(a, 0, b, 0, a.Length);
        }
    }
}
