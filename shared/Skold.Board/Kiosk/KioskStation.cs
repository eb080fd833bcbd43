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

        public const string ClockBehindJournal = "the clock reads earlier than the journal's last record: set it on the keypad";

        private DeviceProvisioning? _pending;
        private KioskSettings? _settings;
        private CouncilRegistry? _registry;
        private IJournalStorage? _storage;
        private byte[]? _rulesOrder;
        private Ed25519? _ed;
        private Journal? _journal;
        private Ed25519PrivateKey? _key;
        private DistributionBook? _book;

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

        /// <summary>
        /// Non-null when only the clock keeps the kiosk from running: the boot screen where an
        /// operator sets it (then ClockSet). Problem is ClockNotSet or ClockBehindJournal.
        /// </summary>
        public ClockEntry? ClockEntry { get; private set; }

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
            KioskSettings settings = new KioskSettings(provisioning.Id, provisioning.StationName);
            for (int i = 0; i < provisioning.OperatorNumbers.Length; i++)
            {
                settings.AddOperator(provisioning.OperatorNumbers[i], provisioning.OperatorPinHashes[i]);
            }
            // A clock before the council existed has lost its time (no RTC battery): records made
            // now would land in the wrong periods, so nothing is written until it is set. An empty
            // journal is not even opened: its first record would carry the wrong time.
            uint founded = Order.Decode(provisioning.Genesis).Created;
            Ed25519PrivateKey key = ed.CreatePrivateKey(provisioning.DeviceSeed);
            DistributionBook book = new DistributionBook(VouchesPerDay);
            if (now < founded && IsErased(storage))
            {
                return WaitForClock(ClockNotSet, settings, founded, now, provisioning, registry, storage, rulesOrder, ed, key, book, null);
            }
            Journal? journal = OpenJournal(provisioning, registry, key, book, storage, ed, now, out problem);
            if (journal == null)
            {
                return new KioskStation(problem == null ? "journal" : problem);
            }
            if (now < founded || now < journal.LastTime)
            {
                // The journal was only read (and a torn tail marked): nothing was written at this time.
                uint notBefore = founded > journal.LastTime ? founded : journal.LastTime;
                return WaitForClock(now < founded ? ClockNotSet : ClockBehindJournal, settings, notBefore, now, provisioning, registry, storage, rulesOrder, ed, key, book, journal);
            }
            return Run(provisioning, registry, settings, key, journal, book, rulesOrder, now, ed);
        }

        /// <summary>
        /// After the operator of ClockEntry confirmed the time (and the board set its clock to
        /// now): opens the journal if it was not yet, records who set the clock and logs that
        /// operator in. Returns the running station (or one whose Problem says why not).
        /// </summary>
        public KioskStation ClockSet(uint now)
        {
            ClockEntry? entry = ClockEntry;
            if (entry == null || !entry.Finished || _pending == null || _settings == null || _registry == null || _storage == null || _ed == null
                || _key == null || _book == null)
            {
                throw new InvalidOperationException("no clock was set on the keypad");
            }
            if (now < entry.NotBefore)
            {
                return new KioskStation("the clock went back while it was set: restart the kiosk");
            }
            Journal? journal = _journal;
            if (journal == null)
            {
                string? problem;
                journal = OpenJournal(_pending, _registry, _key, _book, _storage, _ed, now, out problem);
                if (journal == null)
                {
                    return new KioskStation(problem == null ? "journal" : problem);
                }
            }
            // The clock-set record comes first at the new time (after opened, for a new journal),
            // so the jump is marked before anything written at it, the rules' record included.
            KioskStation station = Run(_pending, _registry, _settings, _key, journal, _book, null, now, _ed);
            station.Kiosk!.ClockWasSet(entry.Operator, entry.ClockBefore, now);
            if (_rulesOrder != null)
            {
                try
                {
                    station.RulesProblem = station.ApplyRules(_rulesOrder, now);
                }
                catch (JournalFullException)
                {
                    station.RulesProblem = "the journal is full: sync it to the ledger";
                }
            }
            return station;
        }

        private static KioskStation WaitForClock(string problem, KioskSettings settings, uint notBefore, uint now, DeviceProvisioning provisioning,
            CouncilRegistry registry, IJournalStorage storage, byte[]? rulesOrder, Ed25519 ed, Ed25519PrivateKey key, DistributionBook book, Journal? journal)
        {
            KioskStation station = new KioskStation(problem);
            station.ClockEntry = new ClockEntry(settings, notBefore, now);
            station._pending = provisioning;
            station._settings = settings;
            station._registry = registry;
            station._storage = storage;
            station._rulesOrder = rulesOrder;
            station._ed = ed;
            station._journal = journal;
            station._key = key;
            station._book = book;
            return station;
        }

        // Opens the journal and reads every record into book (one pass over the flash: checkpoint
        // signatures are slow on the nanoCLR).
        private static Journal? OpenJournal(DeviceProvisioning provisioning, CouncilRegistry registry, Ed25519PrivateKey key, DistributionBook book,
            IJournalStorage storage, Ed25519 ed, uint now, out string? problem)
        {
            problem = null;
            HouseholdCard cards = new HouseholdCard(provisioning.CrisisKey);
            try
            {
                return Journal.Open(storage, ed, key, provisioning.Id, registry.CouncilId, cards.KeyId, now, Journal.DefaultCheckpointInterval, book);
            }
            catch (JournalCorruptException e)
            {
                problem = "journal: " + e.Message;
            }
            catch (JournalFullException)
            {
                problem = "journal: the partition is too small to open";
            }
            return null;
        }

        private static KioskStation Run(DeviceProvisioning provisioning, CouncilRegistry registry, KioskSettings settings, Ed25519PrivateKey key,
            Journal journal, DistributionBook book, byte[]? rulesOrder, uint now, Ed25519 ed)
        {
            HouseholdCard cards = new HouseholdCard(provisioning.CrisisKey);
            StationKiosk kiosk = new StationKiosk(settings, journal, book, cards, now);
            KioskStation station = new KioskStation(provisioning, registry, key, journal, book, kiosk, ed);
            if (rulesOrder != null)
            {
                station.RulesProblem = station.ApplyRules(rulesOrder, now);
            }
            return station;
        }

        private static bool IsErased(IJournalStorage storage)
        {
            byte[] first = new byte[1];
            storage.Read(0, first, 0, 1);
            return first[0] == 0xff;
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
