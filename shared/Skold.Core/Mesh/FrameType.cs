namespace Skold.Mesh
{
    /// <summary>What a LoRa frame carries (the top three bits of its first byte).</summary>
    public static class FrameType
    {
        /// <summary>A fragment of a signed council document.</summary>
        public const int Order = 0;

        /// <summary>A station report signed by a station key the council registered.</summary>
        public const int Report = 1;

        /// <summary>A node's periodic beacon: who it hears, and a digest of the orders it holds.</summary>
        public const int Beacon = 2;

        /// <summary>The ids of all orders a node holds, sent when a neighbour's digest differs.</summary>
        public const int Inventory = 3;

        /// <summary>Ids of orders a node lacks; whoever holds them sends them again.</summary>
        public const int Request = 4;

        public const int Count = 5;
    }
}
