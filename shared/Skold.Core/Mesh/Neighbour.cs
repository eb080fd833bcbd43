namespace Skold.Mesh
{
    /// <summary>What a relay knows of one node it hears: link quality, and from its beacon, whom it hears.</summary>
    public sealed class Neighbour
    {
        public const int MaxListed = 32;

        public Neighbour(int id)
        {
            Id = id;
            Hears = new int[0];
        }

        public int Id { get; }

        public long LastHeardMs { get; set; }

        /// <summary>SNR of the last frame heard from it, in tenths of a dB.</summary>
        public int SnrTenths { get; set; }

        /// <summary>When its last beacon was heard; meaningless until BeaconHeard.</summary>
        public long LastBeaconMs { get; set; }

        public bool BeaconHeard { get; set; }

        /// <summary>Nodes it hears reliably, from its last beacon.</summary>
        public int[] Hears { get; set; }

        public uint Digest { get; set; }

        public int HeldCount { get; set; }

        public int BatteryCentivolts { get; set; }

        public int DutyHeadroomPercent { get; set; }

        public string Callsign { get; set; } = "";

        public bool ListsNode(int node)
        {
            for (int i = 0; i < Hears.Length; i++)
            {
                if (Hears[i] == node)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
