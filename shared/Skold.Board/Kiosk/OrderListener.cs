using Skold.Codec;
using Skold.Council;
using Skold.Mesh;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// What the kiosk does with LoRa frames it hears between its reports: it puts order
    /// fragments back together, and a DISTRIBUTION_RULES order the council signed goes into
    /// force (KioskStation.ApplyRules: signatures, policy, a newer sequence). The caller stores
    /// the returned order on flash so the rules survive a reboot. Everything else (other orders,
    /// beacons, reports, garbage, the relays' repeats of an order already in force) is let go:
    /// the kiosk relays nothing.
    /// </summary>
    public sealed class OrderListener
    {
        public const int Slots = 4;
        public const long TimeoutMs = 10 * 60 * 1000;

        private readonly KioskStation _station;
        private readonly Reassembler _reassembler = new Reassembler(Slots, TimeoutMs);

        public OrderListener(KioskStation station)
        {
            _station = station;
        }

        public int Frames { get; private set; }

        public int Ignored { get; private set; }

        public int RulesApplied { get; private set; }

        /// <summary>Why the last complete rules order was not put in force, or null.</summary>
        public string? LastProblem { get; private set; }

        /// <summary>Takes one received frame; returns the encoded rules order when it just went into force, else null.</summary>
        public byte[]? Receive(byte[] data, int offset, int count, uint now, long nowMs)
        {
            Frames++;
            Frame frame;
            try
            {
                frame = Frame.Decode(data, offset, count);
            }
            catch (MalformedDataException)
            {
                Ignored++;
                return null;
            }
            if (frame.Type != FrameType.Order)
            {
                return null;
            }
            byte[]? message = _reassembler.Add(frame, nowMs);
            if (message == null)
            {
                return null;
            }
            int kind;
            try
            {
                kind = Order.Decode(message).Kind;
            }
            catch (MalformedDataException)
            {
                Ignored++;
                return null;
            }
            if (kind != OrderKind.DistributionRules)
            {
                return null;
            }
            string? problem = _station.ApplyRules(message, now);
            if (problem != null)
            {
                LastProblem = problem;
                return null;
            }
            LastProblem = null;
            RulesApplied++;
            return message;
        }
    }
}
