using System;
using Skold.Codec;

namespace Skold.Mesh
{
    /// <summary>
    /// One LoRa frame, at most 255 bytes (docs/formats/frame.md):
    /// <code>
    /// 0  1  type (bits 7-5) | reserved, zero (bits 4-0)
    /// 1  1  hop count (bits 7-4) | hop limit (bits 3-0, 1..15)
    /// 2  4  message id: the first 4 bytes of SHA-256 of the whole message
    /// 6  1  fragment index (bits 7-4) | fragment count (bits 3-0, 1..15)
    /// 7  2  sender: the node that transmitted this copy (rewritten at every hop)
    /// 9  n  payload, 1..246 bytes
    /// </code>
    /// </summary>
    public sealed class Frame
    {
        public const int MaxSize = 255;
        public const int HeaderSize = 9;
        public const int MaxPayload = MaxSize - HeaderSize;
        public const int MaxHops = 15;
        public const int MaxFragments = 15;

        public Frame(int type, int hopCount, int hopLimit, uint messageId, int fragmentIndex, int fragmentCount, int sender, byte[] payload)
        {
            CheckHeader(type, hopCount, hopLimit, fragmentIndex, fragmentCount, sender);
            if (payload == null || payload.Length < 1 || payload.Length > MaxPayload)
            {
                throw new ArgumentException("a frame carries 1.." + MaxPayload + " bytes", nameof(payload));
            }
            Type = type;
            HopCount = hopCount;
            HopLimit = hopLimit;
            MessageId = messageId;
            FragmentIndex = fragmentIndex;
            FragmentCount = fragmentCount;
            Sender = sender;
            Payload = payload;
        }

        public int Type { get; }

        public int HopCount { get; }

        public int HopLimit { get; }

        public uint MessageId { get; }

        public int FragmentIndex { get; }

        public int FragmentCount { get; }

        public int Sender { get; }

        public byte[] Payload { get; }

        public int Length
        {
            get { return HeaderSize + Payload.Length; }
        }

        /// <summary>The same frame one hop further, sent by another node.</summary>
        public Frame NextHop(int sender)
        {
            return new Frame(Type, HopCount + 1, HopLimit, MessageId, FragmentIndex, FragmentCount, sender, Payload);
        }

        public byte[] Encode()
        {
            byte[] data = new byte[Length];
            WriteHeader(data, Type, HopCount, HopLimit, MessageId, FragmentIndex, FragmentCount, Sender);
            Array.Copy(Payload, 0, data, HeaderSize, Payload.Length);
            return data;
        }

        /// <summary>Decodes a received frame or throws MalformedDataException; nothing else for any bytes.</summary>
        public static Frame Decode(byte[] data, int offset, int count)
        {
            Bytes.CheckRange(data, offset, count);
            if (count <= HeaderSize || count > MaxSize)
            {
                throw new MalformedDataException("frame of " + count + " bytes (a frame is " + (HeaderSize + 1) + ".." + MaxSize + ")");
            }
            int type = data[offset] >> 5;
            if ((data[offset] & 0x1f) != 0 || type >= FrameType.Count)
            {
                throw new MalformedDataException("frame type byte 0x" + data[offset].ToString("x2") + " is unknown");
            }
            int hopCount = data[offset + 1] >> 4;
            int hopLimit = data[offset + 1] & 0x0f;
            if (hopLimit == 0 || hopCount > hopLimit)
            {
                throw new MalformedDataException("hop count " + hopCount + " over limit " + hopLimit);
            }
            int fragmentIndex = data[offset + 6] >> 4;
            int fragmentCount = data[offset + 6] & 0x0f;
            if (fragmentCount == 0 || fragmentIndex >= fragmentCount)
            {
                throw new MalformedDataException("fragment " + fragmentIndex + " of " + fragmentCount);
            }
            byte[] payload = new byte[count - HeaderSize];
            Array.Copy(data, offset + HeaderSize, payload, 0, payload.Length);
            int sender = data[offset + 7] | (data[offset + 8] << 8);
            return new Frame(type, hopCount, hopLimit, Bytes.ReadUInt32LittleEndian(data, offset + 2), fragmentIndex, fragmentCount, sender, payload);
        }

        /// <summary>The message id of a whole message: its SHA-256, first four bytes.</summary>
        public static uint MessageIdOf(byte[] message)
        {
            return Bytes.ReadUInt32LittleEndian(Crypto.Sha256.Hash(message), 0);
        }

        /// <summary>Splits a message into frames of at most MaxPayload bytes each, as first sent.</summary>
        public static Frame[] Fragment(int type, int hopLimit, int sender, byte[] message)
        {
            return Fragment(type, 0, hopLimit, sender, message);
        }

        /// <summary>Splits a message into frames of at most MaxPayload bytes each, already hopCount hops from its origin.</summary>
        public static Frame[] Fragment(int type, int hopCount, int hopLimit, int sender, byte[] message)
        {
            int count = FragmentCountOf(message.Length);
            uint id = MessageIdOf(message);
            Frame[] frames = new Frame[count];
            for (int i = 0; i < count; i++)
            {
                byte[] part = new byte[FragmentLength(message.Length, i) - HeaderSize];
                Array.Copy(message, i * MaxPayload, part, 0, part.Length);
                frames[i] = new Frame(type, hopCount, hopLimit, id, i, count, sender, part);
            }
            return frames;
        }

        /// <summary>How many frames a message of this length takes.</summary>
        public static int FragmentCountOf(int messageLength)
        {
            int count = (messageLength + MaxPayload - 1) / MaxPayload;
            if (messageLength <= 0 || count > MaxFragments)
            {
                throw new ArgumentException("a message is 1.." + (MaxPayload * MaxFragments) + " bytes", "message");
            }
            return count;
        }

        /// <summary>Bytes on air of fragment index of a message of this length, header included.</summary>
        public static int FragmentLength(int messageLength, int index)
        {
            int rest = messageLength - index * MaxPayload;
            return HeaderSize + (rest < MaxPayload ? rest : MaxPayload);
        }

        /// <summary>
        /// The encoded frame of one fragment, cut straight from the message: the same bytes as
        /// Fragment(...)[index].Encode() for a message whose id is messageId, without the
        /// intermediate frames and payload copies.
        /// </summary>
        public static byte[] EncodeFragment(int type, int hopCount, int hopLimit, uint messageId, int index, int sender, byte[] message)
        {
            byte[] data = EncodeHeader(type, hopCount, hopLimit, messageId, index, sender, message.Length);
            Array.Copy(message, index * MaxPayload, data, HeaderSize, data.Length - HeaderSize);
            return data;
        }

        /// <summary>A frame for fragment index of a message of messageLength bytes, its header written and its payload left for the caller.</summary>
        public static byte[] EncodeHeader(int type, int hopCount, int hopLimit, uint messageId, int index, int sender, int messageLength)
        {
            int count = FragmentCountOf(messageLength);
            CheckHeader(type, hopCount, hopLimit, index, count, sender);
            byte[] data = new byte[FragmentLength(messageLength, index)];
            WriteHeader(data, type, hopCount, hopLimit, messageId, index, count, sender);
            return data;
        }

        private static void WriteHeader(byte[] data, int type, int hopCount, int hopLimit, uint messageId, int fragmentIndex, int fragmentCount, int sender)
        {
            data[0] = (byte)(type << 5);
            data[1] = (byte)((hopCount << 4) | hopLimit);
            Bytes.WriteUInt32LittleEndian(data, 2, messageId);
            data[6] = (byte)((fragmentIndex << 4) | fragmentCount);
            data[7] = (byte)sender;
            data[8] = (byte)(sender >> 8);
        }

        private static void CheckHeader(int type, int hopCount, int hopLimit, int fragmentIndex, int fragmentCount, int sender)
        {
            if (type < 0 || type >= FrameType.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(type), "unknown frame type");
            }
            if (hopLimit < 1 || hopLimit > MaxHops || hopCount < 0 || hopCount > hopLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(hopCount), "hops are 0..limit, the limit 1..15");
            }
            if (fragmentCount < 1 || fragmentCount > MaxFragments || fragmentIndex < 0 || fragmentIndex >= fragmentCount)
            {
                throw new ArgumentOutOfRangeException(nameof(fragmentIndex), "fragment index below a count of 1..15");
            }
            if (sender < 0 || sender > 0xffff)
            {
                throw new ArgumentOutOfRangeException(nameof(sender), "node ids are 0..65535");
            }
        }
    }
}
