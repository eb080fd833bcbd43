namespace Skold.Mesh
{
    /// <summary>A frame the relay wants on air now, with what the caller needs to know about it.</summary>
    public sealed class OutgoingFrame
    {
        public OutgoingFrame(byte[] data, int type, uint messageId, bool repair, long airtimeMicroseconds)
        {
            Data = data;
            Type = type;
            MessageId = messageId;
            Repair = repair;
            AirtimeMicroseconds = airtimeMicroseconds;
        }

        public byte[] Data { get; }

        public int Type { get; }

        public uint MessageId { get; }

        /// <summary>Sent because a neighbour asked for it (store-and-forward).</summary>
        public bool Repair { get; }

        public long AirtimeMicroseconds { get; }
    }
}
