using System;

namespace Skold.Codec
{
    /// <summary>
    /// Builds a little-endian byte string for the formats in docs/formats. Grows as needed;
    /// ToArray returns exactly what was written.
    /// </summary>
    public sealed class ByteWriter
    {
        private byte[] _buffer;
        private int _length;

        public ByteWriter(int capacity)
        {
            _buffer = new byte[capacity < 16 ? 16 : capacity];
        }

        public int Length
        {
            get { return _length; }
        }

        public void WriteByte(int value)
        {
            Ensure(1);
            _buffer[_length++] = (byte)value;
        }

        public void WriteUInt16(int value)
        {
            Ensure(2);
            _buffer[_length++] = (byte)value;
            _buffer[_length++] = (byte)(value >> 8);
        }

        public void WriteUInt24(int value)
        {
            Ensure(3);
            _buffer[_length++] = (byte)value;
            _buffer[_length++] = (byte)(value >> 8);
            _buffer[_length++] = (byte)(value >> 16);
        }

        public void WriteUInt32(uint value)
        {
            Ensure(4);
            Bytes.WriteUInt32LittleEndian(_buffer, _length, value);
            _length += 4;
        }

        /// <summary>Unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the last.</summary>
        public void WriteVarUInt(uint value)
        {
            while (value >= 0x80)
            {
                WriteByte((int)(value & 0x7f) | 0x80);
                value >>= 7;
            }
            WriteByte((int)value);
        }

        public void WriteBytes(byte[] data, int offset, int count)
        {
            Ensure(count);
            Array.Copy(data, offset, _buffer, _length, count);
            _length += count;
        }

        public void WriteBytes(byte[] data)
        {
            WriteBytes(data, 0, data.Length);
        }

        /// <summary>A text: varint (byte length x 2 + 1 if UTF-8), then Latin-1 or UTF-8 bytes (see TextCodec).</summary>
        public void WriteText(string text)
        {
            byte[] encoded = TextCodec.Encode(text);
            bool utf8 = TextCodec.NeedsUtf8(text);
            WriteVarUInt((uint)(encoded.Length * 2 + (utf8 ? 1 : 0)));
            WriteBytes(encoded);
        }

        public byte[] ToArray()
        {
            byte[] result = new byte[_length];
            Array.Copy(_buffer, result, _length);
            return result;
        }

        private void Ensure(int count)
        {
            if (_length + count <= _buffer.Length)
            {
                return;
            }
            int size = _buffer.Length * 2;
            while (size < _length + count)
            {
                size *= 2;
            }
            byte[] bigger = new byte[size];
            Array.Copy(_buffer, bigger, _length);
            _buffer = bigger;
        }
    }
}
