namespace Skold.Mesh
{
    /// <summary>
    /// When a relay rebroadcasts a new message, and when it may stay silent instead. Ours is
    /// CoverageRebroadcastPolicy; the simulator also plugs in naive and Meshtastic-style
    /// flooding here, so all three run in the same engine.
    /// </summary>
    public interface IRebroadcastPolicy
    {
        /// <summary>True if the relay exchanges beacons and re-sends orders that neighbours missed.</summary>
        bool StoreAndForward { get; }

        /// <summary>
        /// How long to wait before rebroadcasting a message first heard at this SNR from the
        /// given transmitter, knowing the neighbourhood as it stands now.
        /// </summary>
        long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random);

        /// <summary>
        /// Whether a pending rebroadcast may be dropped, given the nodes heard sending the same
        /// message so far (the first sender included).
        /// </summary>
        bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs);
    }
}
