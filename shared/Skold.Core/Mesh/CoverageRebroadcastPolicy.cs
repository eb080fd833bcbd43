namespace Skold.Mesh
{
    /// <summary>
    /// Skold's managed flooding: the covered-listeners rule.
    ///
    /// Cancel: a relay drops its pending rebroadcast only when every node known to hear it (a
    /// node whose recent beacon lists this relay) is known to have the message already: it was
    /// heard sending it, or it hears (by its own beacon or, links being symmetric, by the
    /// sender's) someone who was. A relay that knows of no listener, or has one it cannot
    /// account for, always transmits. Meshtastic cancels on hearing any single rebroadcast,
    /// which strands nodes that only the cancelling relay could reach (meshtastic/firmware#8274);
    /// here a relay stays silent only where, as far as beacons tell, its silence costs no one
    /// the message. What beacons cannot tell (a collision at a listener) store-and-forward repairs.
    ///
    /// Delay: most needed first. A relay with many listeners not yet covered speaks early; one
    /// whose listeners are mostly covered already waits several frame-times, by when the others
    /// have usually covered the rest and it can stay silent. Within that, a weaker first copy
    /// (a farther sender, so more new ground) goes earlier, and a random offset separates ties.
    /// </summary>
    public sealed class CoverageRebroadcastPolicy : IRebroadcastPolicy
    {
        public const int Slots = 6;
        /// <summary>Frame-times over which SNR and chance spread relays whose listeners are equally uncovered.</summary>
        public const int Spread = 4;
        public const long GuardMs = 100;

        /// <summary>A node hearing this few others depends on each of them, however weak the link.</summary>
        public const int FewLinks = 3;

        private readonly long _freshnessMs;
        private readonly int _listenerSnrTenths;

        /// <param name="beaconFreshnessMs">How old a neighbour's beacon may be and still vouch for whom it hears.</param>
        /// <param name="listenerSnrTenths">From what SNR a node that hears this relay is its responsibility.</param>
        public CoverageRebroadcastPolicy(long beaconFreshnessMs, int listenerSnrTenths)
        {
            _freshnessMs = beaconFreshnessMs;
            _listenerSnrTenths = listenerSnrTenths;
        }

        public bool StoreAndForward
        {
            get { return true; }
        }

        public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random)
        {
            int listeners;
            int uncovered = Uncovered(self, transmitters, transmitterCount, neighbours, nowMs, out listeners);
            long width = frameAirtimeMs + GuardMs;
            // Share of listeners already covered, in sixteenths; no known listener counts as none covered.
            long covered = listeners == 0 ? 0 : (listeners - uncovered) * 16 / listeners;
            long nearness = (snrTenths < -100 ? -100 : snrTenths > 100 ? 100 : snrTenths) + 100;
            return covered * Slots * width / 16 + nearness * Spread * width / 200 + random.Next((int)(Spread * width) + 1);
        }

        public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs)
        {
            int listeners;
            return Uncovered(self, transmitters, transmitterCount, neighbours, nowMs, out listeners) == 0 && listeners > 0;
        }

        private int Uncovered(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, out int listeners)
        {
            listeners = 0;
            int uncovered = 0;
            for (int i = 0; i < neighbours.Capacity; i++)
            {
                Neighbour? x = neighbours.At(i);
                // A listener this relay must answer for: one that hears it well (links are
                // symmetric, so as well as this relay hears it). Weaker listeners sit between
                // other relays that reach them better.
                if (x == null || nowMs - x.LastBeaconMs > _freshnessMs || !x.ListsNode(self) || (x.SnrTenths < _listenerSnrTenths && x.Hears.Length > FewLinks))
                {
                    continue;
                }
                listeners++;
                if (!Covered(x, transmitters, transmitterCount, neighbours))
                {
                    uncovered++;
                }
            }
            return uncovered;
        }

        // x has the message if it sent it, or hears a node that did, by its own beacon or, links
        // being symmetric, by that node's beacon.
        private static bool Covered(Neighbour x, int[] transmitters, int count, NeighbourTable neighbours)
        {
            for (int i = 0; i < count; i++)
            {
                if (transmitters[i] == x.Id || x.ListsNode(transmitters[i]))
                {
                    return true;
                }
                Neighbour? u = neighbours.Find(transmitters[i]);
                if (u != null && u.ListsNode(x.Id))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
