namespace Skold.Mesh
{
    /// <summary>A message a relay means to transmit: its frames, when, how urgent, and who was heard sending it meanwhile.</summary>
    internal sealed class PendingMessage
    {
        public const int MaxTransmitters = 8;

        public PendingMessage(int type, uint messageId, Frame[] frames, long dueMs, bool cancellable, bool repair)
        {
            Type = type;
            MessageId = messageId;
            Frames = frames;
            DueMs = dueMs;
            Cancellable = cancellable;
            Repair = repair;
        }

        public int Type { get; }

        public uint MessageId { get; }

        public Frame[] Frames { get; }

        public int Next { get; set; }

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
