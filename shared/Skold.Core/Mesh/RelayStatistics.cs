namespace Skold.Mesh
{
    /// <summary>Counters a relay keeps for its status line and for the simulator.</summary>
    public sealed class RelayStatistics
    {
        public int FramesSent;
        public int OrdersHeld;
        public int ReportsRelayed;
        public int Duplicates;
        public int Cancelled;
        public int Rejected;
        public int Malformed;
        public int Beacons;
        public int Inventories;
        public int Requests;
        public int DutyCycleWaits;
        public int QueueFull;
        public int TooLong;
    }
}
