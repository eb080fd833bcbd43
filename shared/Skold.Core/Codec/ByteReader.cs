namespace Skold.Codec
{
    /// <summary>
    /// Reads the formats ByteWriter writes, strictly: every read checks the bytes are there,
    /// varints must be minimal, and texts must be canonical. Any violation throws
    /// MalformedDataException naming the field, never an index or overflow error.
    /// </summary>
    public sealed class ByteReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private int _position;

        public ByteReader(byte[] data, int offset, int count)
        {
            Bytes.CheckRange(data, offset, count);
            _data = data;
            _position = offset;
            _end = offset + count;
        }

        public int Position
        {
            get { return _position; }
        }

        public int Remaining
        {
            get { return _end - _position; }
        }

        public int ReadByte(string field)
        {
            Need(1, field);
            return _data[_position++];
        }

        public int ReadUInt16(string field)
        {
            Need(2, field);
            int value = _data[_position] | (_data[_position + 1] << 8);
            _position += 2;
            return value;
        }

        public int ReadUInt24(string field)
        {
            Need(3, field);
            int value = _data[_position] | (_data[_position + 1] << 8) | (_data[_position + 2] << 16);
            _position += 3;
            return value;
        }

        public uint ReadUInt32(string field)
        {
            Need(4, field);
            uint value = Bytes.ReadUInt32LittleEndian(_data, _position);
            _position += 4;
            return value;
        }

        /// <summary>A minimal unsigned LEB128 of at most 32 bits.</summary>
        public uint ReadVarUInt(string field)
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                int b = ReadByte(field);
                uint bits = (uint)(b & 0x7f);
                if (shift == 28 && bits > 0x0f)
                {
                    throw new MalformedDataException(field + ": number does not fit 32 bits");
                }
                value |= bits << shift;
                if ((b & 0x80) == 0)
                {
                    if (b == 0 && shift > 0)
                    {
                        throw new MalformedDataException(field + ": number is not in its shortest form");
                    }
                    return value;
                }
            }
            throw new MalformedDataException(field + ": number does not fit 32 bits");
        }

        /// <summary>A varint that must lie in [min, max].</summary>
        public int ReadVarInt(string field, int min, int max)
        {
            uint value = ReadVarUInt(field);
            if (value < (uint)min || value > (uint)max)
            {
                throw new MalformedDataException(field + ": " + value + " is outside " + min + ".." + max);
            }
            return (int)value;
        }

        public byte[] ReadBytes(int count, string field)
        {
            Need(count, field);
            byte[] result = new byte[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = _data[_position + i];
            }
            _position += count;
            return result;
        }

        public string ReadText(string field, int maxBytes)
        {
            uint header = ReadVarUInt(field);
            uint length = header >> 1;
            if (length > (uint)maxBytes)
            {
                throw new MalformedDataException(field + ": text of " + length + " bytes is longer than " + maxBytes);
            }
            Need((int)length, field);
            string text = TextCodec.Decode(_data, _position, (int)length, (header & 1) == 1, field);
            _position += (int)length;
            return text;
        }

        public void ExpectEnd(string what)
        {
            if (_position != _end)
            {
                throw new MalformedDataException(what + ": " + (_end - _position) + " unexpected bytes after the end");
            }
        }

        private void Need(int count, string field)
        {
            if (count < 0 || _end - _position < count)
            {
                throw new MalformedDataException(field + ": data ends early");
            }
        }
    }
}
