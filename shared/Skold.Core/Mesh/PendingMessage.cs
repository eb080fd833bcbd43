namespace Skold.Mesh
{
    /// <summary>
    /// A message a relay means to transmit: the message and the hops of its copy, when, how urgent,
    /// and who was heard sending it meanwhile. Its frames are cut one at a time as they go on air.
    /// An order is not copied into the queue: its fragments are read from the relay store, so a
    /// queue of 32 orders costs no RAM for their bytes. Beacons, inventories, requests and reports
    /// (one frame each) carry their bytes.
    /// </summary>
    internal sealed class PendingMessage
    {
        public const int MaxTransmitters = 8;

        private readonly byte[]? _message;

        /// <summary>A message whose bytes are given (message), or one kept in the relay store under messageId (message null).</summary>
        public PendingMessage(int type, uint messageId, byte[]? message, int length, int hopCount, int hopLimit, long dueMs, bool cancellable, bool repair)
        {
            Type = type;
            MessageId = messageId;
            _message = message;
            MessageLength = message == null ? length : message.Length;
            HopCount = hopCount;
            HopLimit = hopLimit > Frame.MaxHops ? Frame.MaxHops : hopLimit;
            FragmentCount = Frame.FragmentCountOf(MessageLength);
            DueMs = dueMs;
            Cancellable = cancellable;
            Repair = repair;
        }

        public int Type { get; }

        public uint MessageId { get; }

        public int MessageLength { get; }

        public int HopCount { get; }

        public int HopLimit { get; }

        public int FragmentCount { get; }

        /// <summary>The fragment that goes next.</summary>
        public int Next { get; set; }

        /// <summary>Bytes on air of the next fragment, header included.</summary>
        public int NextFrameLength
        {
            get { return Frame.FragmentLength(MessageLength, Next); }
        }

        /// <summary>The next frame as sent by sender; null when the store no longer keeps the order.</summary>
        public byte[]? EncodeNext(int sender, IRelayStore store)
        {
            if (_message != null)
            {
                return Frame.EncodeFragment(Type, HopCount, HopLimit, MessageId, Next, sender, _message);
            }
            byte[] data = Frame.EncodeHeader(Type, HopCount, HopLimit, MessageId, Next, sender, MessageLength);
            if (store.OrderLength(MessageId) != MessageLength
                || !store.ReadOrder(MessageId, Next * Frame.MaxPayload, data, Frame.HeaderSize, data.Length - Frame.HeaderSize))
            {
                return null;
            }
            return data;
        }

        public long DueMs { get; set; }

        public bool Cancellable { get; }

        /// <summary>It fell due while the channel was busy: its delay is drawn afresh once the channel clears.</summary>
        public bool Deferred { get; set; }

        /// <summary>SNR of the first copy heard, for recomputing the delay.</summary>
        public int SnrTenths { get; set; }

        /// <summary>Sent again because a neighbour asked for it (store-and-forward), not as a flood.</summary>
        public bool Repair { get; }

        /// <summary>Lower is sooner: fresh orders, then reports, then repairs, then beacons and inventories.</summary>
        public int Priority
        {
            get
            {
                if (Type == FrameType.Order)
                {
                    return Repair ? 2 : 0;
                }
                return Type == FrameType.Report ? 1 : 3;
            }
        }

        public int[] Transmitters { get; } = new int[MaxTransmitters];

        public int TransmitterCount { get; private set; }

        public void AddTransmitter(int node)
        {
            for (int i = 0; i < TransmitterCount; i++)
            {
                if (Transmitters[i] == node)
                {
                    return;
                }
            }
            if (TransmitterCount < MaxTransmitters)
            {
                Transmitters[TransmitterCount++] = node;
            }
        }
    }
}
