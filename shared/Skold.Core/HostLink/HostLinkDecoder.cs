using System;

namespace Skold.HostLink
{
    /// <summary>
    /// Reads link bytes in whatever pieces the serial port or socket delivers them (split or
    /// merged) and yields whole frames. Garbage between frames, bad escapes, oversized frames and
    /// CRC mismatches are counted and dropped; decoding resynchronises at the next FEND and
    /// never throws on any byte sequence.
    /// </summary>
    public sealed class HostLinkDecoder
    {
        private readonly byte[] _buffer = new byte[1 + HostLinkFrame.MaxPayload + 2];
        private int _length;
        private bool _escaped;
        private bool _discarding = true;

        /// <summary>Frames dropped for a CRC mismatch, a bad escape or their size.</summary>
        public int Rejected { get; private set; }

        /// <summary>
        /// Feeds bytes; returns the next complete frame found in data[offset..offset+count), or null,
        /// with consumed set to how many bytes were used (call again with the rest).
        /// </summary>
        public HostLinkFrame? Feed(byte[] data, int offset, int count, out int consumed)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                if (b == HostLinkEncoder.End)
                {
                    HostLinkFrame? frame = _discarding ? null : Finish();
                    _length = 0;
                    _escaped = false;
                    _discarding = false;
                    if (frame != null)
                    {
                        consumed = i + 1;
                        return frame;
                    }
                    continue;
                }
                if (_discarding)
                {
                    continue;
                }
                if (_escaped)
                {
                    _escaped = false;
                    if (b == HostLinkEncoder.EscapedEnd)
                    {
                        b = HostLinkEncoder.End;
                    }
                    else if (b == HostLinkEncoder.EscapedEscape)
                    {
                        b = HostLinkEncoder.Escape;
                    }
                    else
                    {
                        Drop();
                        continue;
                    }
                }
                else if (b == HostLinkEncoder.Escape)
                {
                    _escaped = true;
                    continue;
                }
                if (_length == _buffer.Length)
                {
                    Drop();
                    continue;
                }
                _buffer[_length++] = b;
            }
            consumed = count;
            return null;
        }

        private HostLinkFrame? Finish()
        {
            if (_length == 0)
            {
                // Two FENDs in a row: KISS senders use a leading FEND to flush line noise.
                return null;
            }
            if (_length < 3 || _escaped || Crc16.Compute(_buffer, 0, _length - 2) != ((_buffer[_length - 2] << 8) | _buffer[_length - 1]))
            {
                Rejected++;
                return null;
            }
            byte[] payload = new byte[_length - 3];
            Array.Copy(_buffer, 1, payload, 0, payload.Length);
            return new HostLinkFrame(_buffer[0], payload);
        }

        private void Drop()
        {
            Rejected++;
            _discarding = true;
            _length = 0;
            _escaped = false;
        }
    }
}
