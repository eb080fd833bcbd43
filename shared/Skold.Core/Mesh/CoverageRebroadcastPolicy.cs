namespace Skold.Mesh
{
    /// <summary>
    /// Skold's managed flooding: the covered-listeners rule.
    ///
    /// Cancel: a relay drops its pending rebroadcast only when every node known to hear it is
    /// known to have the message already: it was heard sending it, or it hears (by its own
    /// beacon or, links being symmetric, by the sender's) someone who was. A listener it cannot
    /// account for (a neighbour whose beacon it lacks, say) keeps it on air. Meshtastic cancels
    /// on hearing any single rebroadcast, which strands nodes that only the cancelling relay
    /// could reach (meshtastic/firmware#8274); here a relay stays silent only where, as far as
    /// beacons tell, its silence costs no one the message. What beacons cannot tell (a collision
    /// at a listener) store-and-forward repairs.
    ///
    /// Listeners: the nodes heard lately that hear this relay well (at the listener SNR or
    /// better), those whose beacon cannot tell (none yet, or a list shorter than FewLinks: few
    /// links, or sent before it heard this relay), and weaker ones that depend on this relay
    /// (list it although the link is below what beacons list as reliable, or among FewLinks).
    /// Other weak listeners sit between relays that reach them better.
    ///
    /// Delay: most needed first, and spread wide, because relays that cannot hear each other
    /// (hidden terminals) collide at the listeners between them whenever their frames overlap.
    /// A relay with u listeners not yet covered waits Slots / (1 + u) frame-times (the full
    /// Slots when all are covered, by when it can usually stay silent); a weaker first copy (a
    /// farther sender, so more new ground) goes up to Spread frame-times earlier; and a random
    /// offset over Window frame-times separates the rest. A listener that hears only a few nodes
    /// (SharedLinks) loses a copy whenever two of them overlap, and those few are often hidden
    /// from each other: relays it lists split the Window by their place in its list, so the ones
    /// it depends on draw from disjoint parts (the relay listed first, its strongest link, the
    /// earliest part). Over seeds 1 to 60 of 30-node towns this cut the runs in which flooding
    /// misses a pair from 13 to 6, at the same number of frames.
    /// </summary>
    public sealed class CoverageRebroadcastPolicy : IRebroadcastPolicy
    {
        public const int Slots = 16;
        /// <summary>Frame-times over which the SNR of the first copy spreads relays.</summary>
        public const int Spread = 4;
        /// <summary>Frame-times of the random offset: two relays that cannot hear each other overlap about twice in Window.</summary>
        public const int Window = 32;
        public const long GuardMs = 100;

        /// <summary>
        /// A listener not yet covered whose beacon lists this few nodes, this relay among them,
        /// shares the random offset out: the relay at place i of its list (strongest first)
        /// draws from the i-th of Hears.Length equal parts of the Window.
        /// </summary>
        public const int SharedLinks = 4;

        /// <summary>A node hearing this few others depends on each of them, however weak the link.</summary>
        public const int FewLinks = 3;

        private readonly long _freshnessMs;
        private readonly int _listenerSnrTenths;
        private readonly int _reliableSnrTenths;

        /// <param name="beaconFreshnessMs">How old a neighbour's beacon may be and still vouch for whom it hears.</param>
        /// <param name="listenerSnrTenths">From what SNR a node that hears this relay is its responsibility.</param>
        public CoverageRebroadcastPolicy(long beaconFreshnessMs, int listenerSnrTenths)
            : this(beaconFreshnessMs, listenerSnrTenths, -50)
        {
        }

        /// <param name="reliableSnrTenths">From what SNR beacons list a link (RelayConfig.ReliableSnrTenths); a weaker link listed is one its node depends on.</param>
        public CoverageRebroadcastPolicy(long beaconFreshnessMs, int listenerSnrTenths, int reliableSnrTenths)
        {
            _freshnessMs = beaconFreshnessMs;
            _listenerSnrTenths = listenerSnrTenths;
            _reliableSnrTenths = reliableSnrTenths;
        }

        public bool StoreAndForward
        {
            get { return true; }
        }

        public long RebroadcastDelayMs(int self, int snrTenths, long frameAirtimeMs, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, IRandomSource random)
        {
            int beacons;
            int share;
            int shares;
            int uncovered = Uncovered(self, transmitters, transmitterCount, neighbours, nowMs, out beacons, out share, out shares);
            long width = frameAirtimeMs + GuardMs;
            long nearness = (snrTenths < -100 ? -100 : snrTenths > 100 ? 100 : snrTenths) + 100;
            long part = Window * width / shares;
            return Slots * width / (1 + uncovered) + nearness * Spread * width / 200 + share * part + random.Next((int)part + 1);
        }

        public bool MayCancel(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs)
        {
            // A relay that has heard no beacon yet knows too little of its neighbourhood to be silent.
            int beacons;
            int share;
            int shares;
            return Uncovered(self, transmitters, transmitterCount, neighbours, nowMs, out beacons, out share, out shares) == 0 && beacons > 0;
        }

        // Listeners not yet covered; beacons counts the neighbours whose beacon is fresh.
        private int Uncovered(int self, int[] transmitters, int transmitterCount, NeighbourTable neighbours, long nowMs, out int beacons, out int share, out int shares)
        {
            int uncovered = 0;
            beacons = 0;
            share = 0;
            shares = 1;
            for (int i = 0; i < neighbours.Capacity; i++)
            {
                Neighbour? x = neighbours.At(i);
                if (x == null || nowMs - x.LastHeardMs > _freshnessMs)
                {
                    continue;
                }
                if (x.BeaconHeard && nowMs - x.LastBeaconMs <= _freshnessMs)
                {
                    beacons++;
                }
                if (IsListener(self, x, nowMs) && !Covered(x, transmitters, transmitterCount, neighbours))
                {
                    uncovered++;
                    int at = IndexOf(x.Hears, self);
                    if (at >= 0 && x.Hears.Length > 1 && x.Hears.Length <= SharedLinks && (shares == 1 || x.Hears.Length < shares))
                    {
                        share = at;
                        shares = x.Hears.Length;
                    }
                }
            }
            return uncovered;
        }

        private static int IndexOf(int[] ids, int id)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] == id)
                {
                    return i;
                }
            }
            return -1;
        }

        private bool IsListener(int self, Neighbour x, long nowMs)
        {
            if (x.SnrTenths >= _listenerSnrTenths || !x.BeaconHeard || nowMs - x.LastBeaconMs > _freshnessMs || x.Hears.Length < FewLinks)
            {
                return true;
            }
            return x.ListsNode(self) && (x.SnrTenths < _reliableSnrTenths || x.Hears.Length == FewLinks);
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
