using System;

namespace Skold.Mesh
{
    /// <summary>How one relay node runs: who it is, its radio settings, and its timers.</summary>
    public sealed class RelayConfig
    {
        public RelayConfig(int nodeId, LoRaModulation modulation, DutyCycleAccountant dutyCycle)
        {
            if (nodeId < 0 || nodeId > 0xffff)
            {
                throw new ArgumentOutOfRangeException(nameof(nodeId), "node ids are 0..65535");
            }
            NodeId = nodeId;
            Modulation = modulation;
            DutyCycle = dutyCycle;
        }

        public int NodeId { get; }

        public LoRaModulation Modulation { get; }

        public DutyCycleAccountant DutyCycle { get; }

        /// <summary>Hop limit of the messages this node originates.</summary>
        public int HopLimit { get; set; } = 10;

        /// <summary>Beacons are a large share of a busy mesh's airtime; every 15 minutes keeps store-and-forward timely.</summary>
        public long BeaconIntervalMs { get; set; } = 15 * 60 * 1000;

        /// <summary>In the 70 cm amateur band: the station's callsign, sent in every beacon. Empty otherwise.</summary>
        public string Callsign { get; set; } = "";

        /// <summary>A link counts as reliable, and is listed in beacons, from this SNR (tenths of a dB) up.</summary>
        public int ReliableSnrTenths { get; set; } = -50;

        /// <summary>Battery voltage reported in beacons, in hundredths of a volt (0 when unknown).</summary>
        public int BatteryCentivolts { get; set; }

        /// <summary>Least time between two inventories or two requests from this node.</summary>
        public long RepairIntervalMs { get; set; } = 60 * 1000;

        /// <summary>How long this node's held orders must stay unchanged before it starts repairing a neighbour's differing set.</summary>
        public long RepairSettleMs { get; set; } = 2 * 60 * 1000;

        /// <summary>Converts the relay's clock (milliseconds) to council time (SkoldTime seconds) for expiry checks.</summary>
        public long CouncilEpochOffsetMs { get; set; }
    }
}
