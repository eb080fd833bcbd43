using System;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;
using Skold.Station;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The station's situation report for the council over LoRa: every IntervalMs, the book's
    /// StationReport sealed with the station key (Mesh.StationReportSignature) in one Report
    /// frame that relays forward. A frame goes out only when the sub-band's duty cycle has room
    /// for its airtime; otherwise it waits for the next pass.
    /// </summary>
    public sealed class StationReporter
    {
        public const long DefaultIntervalMs = 15 * 60 * 1000;
        public const int DefaultHopLimit = 10;

        /// <summary>
        /// Kiosks transmit with frame sender 0x8000 + station number (docs/formats/frame.md): a relay
        /// drops frames that carry its own number as its own echo, and relays are numbered below
        /// 0x8000, so a kiosk is never taken for the relay that shares its number.
        /// </summary>
        public const int KioskSenderBase = 0x8000;

        private readonly CouncilRegistry _registry;
        private readonly int _stationId;
        private readonly Ed25519PrivateKey _key;
        private readonly Ed25519 _ed;
        private readonly LoRaModulation _modulation;
        private readonly DutyCycleAccountant _dutyCycle;
        private long _nextMs;

        public StationReporter(CouncilRegistry registry, int stationId, Ed25519PrivateKey key, Ed25519 ed, LoRaModulation modulation,
            DutyCycleAccountant dutyCycle, long firstMs)
        {
            _registry = registry;
            _stationId = stationId;
            _key = key;
            _ed = ed;
            _modulation = modulation;
            _dutyCycle = dutyCycle;
            _nextMs = firstMs;
        }

        public long IntervalMs { get; set; } = DefaultIntervalMs;

        public int HopLimit { get; set; } = DefaultHopLimit;

        public int Sent { get; private set; }

        public int Deferred { get; private set; }

        public static int SenderFor(int stationId)
        {
            return KioskSenderBase | (stationId & 0x7fff);
        }

        public bool Due(long nowMs)
        {
            return nowMs >= _nextMs;
        }

        /// <summary>The frame to transmit now, or null when none is due or the duty cycle has no room yet.</summary>
        public byte[]? Next(DistributionBook book, uint journalRecords, int batteryMillivolts, uint now, long nowMs)
        {
            if (!Due(nowMs))
            {
                return null;
            }
            byte[] body = StationReport.From(book, journalRecords, batteryMillivolts, now).Encode();
            // Airtime first: signing costs the ESP32 far more than encoding, so only sign what may go.
            int length = Frame.HeaderSize + StationReportSignature.Overhead + body.Length;
            long airtime = LoRaAirtime.TimeOnAirMicroseconds(_modulation, length);
            if (!_dutyCycle.CanTransmit(nowMs, airtime))
            {
                Deferred++;
                long earliest = _dutyCycle.EarliestStartMs(nowMs, airtime);
                _nextMs = earliest > nowMs ? earliest : nowMs + 1000;
                return null;
            }
            byte[] report = StationReportSignature.Seal(_registry, _stationId, body, _key, _ed);
            Frame[] frames = Frame.Fragment(FrameType.Report, HopLimit, SenderFor(_stationId), report);
            byte[] frame = frames[0].Encode();
            if (frames.Length != 1 || frame.Length != length)
            {
                throw new InvalidOperationException("a station report is one frame of " + length + " bytes");
            }
            _dutyCycle.Record(nowMs, airtime);
            _nextMs = nowMs + IntervalMs;
            Sent++;
            return frame;
        }
    }
}
