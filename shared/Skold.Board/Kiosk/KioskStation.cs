using System;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.Provisioning;
using Skold.Station;
using StationKiosk = Skold.Station.Kiosk;

namespace Skold.Board.Kiosk
{
    /// <summary>
    /// The station as the board starts it: provisioning checked (a kiosk that is not provisioned,
    /// or whose provisioning has a Problem, does not run and says why on its screen), the journal
    /// opened on flash and replayed, the council's rules order (kept on flash) put in force.
    /// </summary>
    public sealed class KioskStation
    {
        public const int VouchesPerDay = 2;

        public const string ClockNotSet = "the clock is not set (it reads before the council was founded): let the kiosk reach its Wi-Fi once, or set the time";

        private KioskStation(string problem)
        {
            Problem = problem;
        }

        private readonly OrderAcceptance? _acceptance;

        private KioskStation(DeviceProvisioning provisioning, CouncilRegistry registry, Ed25519PrivateKey key, Journal journal,
            DistributionBook book, StationKiosk kiosk, Ed25519 ed)
        {
            // One acceptance for the kiosk's life: an older rules order heard later is refused by sequence.
            _acceptance = new OrderAcceptance(registry, ed);
            Provisioning = provisioning;
            Registry = registry;
            StationKey = key;
            Journal = journal;
            Book = book;
            Kiosk = kiosk;
        }

        /// <summary>Why the kiosk does not run, or null when it does.</summary>
        public string? Problem { get; }

        /// <summary>Why the rules order on flash was not put in force (the kiosk runs, but hands nothing out), or null.</summary>
        public string? RulesProblem { get; private set; }

        public DeviceProvisioning? Provisioning { get; }

        public CouncilRegistry? Registry { get; }

        public Ed25519PrivateKey? StationKey { get; }

        public Journal? Journal { get; }

        public DistributionBook? Book { get; }

        public StationKiosk? Kiosk { get; }

        /// <summary>
        /// Why the kiosk must not send station reports over LoRa, or null: on the 70 cm amateur
        /// band every transmission must identify the station by callsign, and a report frame has
        /// no room for it (docs/formats/frame.md), so a kiosk provisioned there stays silent.
        /// </summary>
        public string? ReportProblem
        {
            get
            {
                if (Provisioning == null)
                {
                    return "not running";
                }
                return Provisioning.Amateur ? "station reports are not sent on the amateur band (a report frame cannot carry the callsign): provision the kiosk for EU 868" : null;
            }
        }

        /// <summary>The 20x4 screen that explains Problem.</summary>
        public string[] ProblemLines
        {
            get { return ProblemScreen.Lines("EJ REDO/NOT READY", Problem == null ? "" : Problem); }
        }

        /// <summary>
        /// Starts the station from the provisioning file's bytes (null when the file is missing),
        /// the journal partition, and the last accepted DISTRIBUTION_RULES order (null when none).
        /// </summary>
        public static KioskStation Open(byte[]? provisioningFile, IJournalStorage storage, byte[]? rulesOrder, uint now, Ed25519 ed)
        {
            if (provisioningFile == null || provisioningFile.Length == 0)
            {
                return new KioskStation("not provisioned: run skold provision and deploy the file");
            }
            DeviceProvisioning provisioning;
            try
            {
                provisioning = DeviceProvisioning.Decode(provisioningFile);
            }
            catch (MalformedDataException e)
            {
                return new KioskStation(e.Message);
            }
            if (provisioning.Role != DeviceProvisioning.RoleKiosk)
            {
                return new KioskStation("provisioned as a relay node, not a kiosk");
            }
            CouncilRegistry? registry;
            string? problem = provisioning.Problem(ed, out registry);
            if (problem != null || registry == null)
            {
                return new KioskStation(problem == null ? "no council registry" : problem);
            }
            // A clock before the council existed has lost its time (no RTC battery): records made
            // now would land in the wrong periods, so nothing is opened until it is set.
            uint founded = Order.Decode(provisioning.Genesis).Created;
            if (now < founded)
            {
                return new KioskStation(ClockNotSet);
            }
            KioskSettings settings = new KioskSettings(provisioning.Id, provisioning.StationName);
            for (int i = 0; i < provisioning.OperatorNumbers.Length; i++)
            {
                settings.AddOperator(provisioning.OperatorNumbers[i], provisioning.OperatorPinHashes[i]);
            }
            Ed25519PrivateKey key = ed.CreatePrivateKey(provisioning.DeviceSeed);
            HouseholdCard cards = new HouseholdCard(provisioning.CrisisKey);
            DistributionBook book = new DistributionBook(VouchesPerDay);
            Journal journal;
            try
            {
                journal = Journal.Open(storage, ed, key, provisioning.Id, registry.CouncilId, cards.KeyId, now, Journal.DefaultCheckpointInterval, book);
            }
            catch (JournalCorruptException e)
            {
                return new KioskStation("journal: " + e.Message);
            }
            catch (JournalFullException)
            {
                return new KioskStation("journal: the partition is too small to open");
            }
            StationKiosk kiosk = new StationKiosk(settings, journal, book, cards, now);
            KioskStation station = new KioskStation(provisioning, registry, key, journal, book, kiosk, ed);
            if (rulesOrder != null)
            {
                station.RulesProblem = station.ApplyRules(rulesOrder, now);
            }
            return station;
        }

        /// <summary>
        /// Puts a DISTRIBUTION_RULES order in force after checking it against the council
        /// (signatures, policy, sequence, expiry). Returns null when in force, else why not.
        /// </summary>
        public string? ApplyRules(byte[] order, uint now)
        {
            if (_acceptance == null || Kiosk == null)
            {
                return "the kiosk is not running";
            }
            AcceptanceResult result = _acceptance.Accept(order, now);
            if (!result.Accepted || result.Order == null)
            {
                return "rules order not accepted: " + result;
            }
            if (result.Order.Kind != OrderKind.DistributionRules)
            {
                return "not a DISTRIBUTION_RULES order: " + OrderKind.Name(result.Order.Kind);
            }
            if (!Kiosk.ApplyRules(result.Order, now))
            {
                return "the rules order has expired";
            }
            return null;
        }
    }
}
