using System;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.Mesh;

namespace Skold.Provisioning
{
    /// <summary>
    /// Everything a board needs to know at boot, written by `skold provision` and read by the
    /// firmware (docs/formats/provisioning.md): role, number, the device key, the board's pin map
    /// name, the radio settings for its region, the council's genesis and registry updates, and
    /// for a kiosk its crisis key, operators and the ledger it syncs to. A board without a valid
    /// provisioning refuses to transmit and shows why (Problem).
    /// </summary>
    public sealed class DeviceProvisioning
    {
        public const int RoleRelay = 1;
        public const int RoleKiosk = 2;
        public const int FormatVersion = 1;
        public const int MaxUpdates = 16;
        public const int MaxOperators = 32;
        public const int MaxId = 0x7fff;

        private static readonly byte[] Magic = { 0x53, 0x4b, 0x50, 0x56 }; // "SKPV"

        public int Role { get; set; }

        public int Id { get; set; }

        public string Board { get; set; } = "";

        public byte[] DeviceSeed { get; set; } = new byte[32];

        public long FrequencyHz { get; set; }

        public int SpreadingFactor { get; set; }

        public int BandwidthHz { get; set; }

        public int CodingRate { get; set; }

        public int PowerDbm { get; set; }

        public bool PaBoost { get; set; }

        public bool Amateur { get; set; }

        public string Callsign { get; set; } = "";

        public byte[] Genesis { get; set; } = new byte[0];

        public byte[][] Updates { get; set; } = new byte[0][];

        public string StationName { get; set; } = "";

        public byte[] CrisisKey { get; set; } = new byte[0];

        public int[] OperatorNumbers { get; set; } = new int[0];

        public byte[][] OperatorPinHashes { get; set; } = new byte[0][];

        public string WifiSsid { get; set; } = "";

        public string WifiPassword { get; set; } = "";

        public string LedgerUrl { get; set; } = "";

        public byte[] Encode()
        {
            ByteWriter w = new ByteWriter(2048);
            w.WriteBytes(Magic);
            w.WriteByte(FormatVersion);
            w.WriteByte(Role);
            w.WriteUInt16(Id);
            w.WriteText(Board);
            w.WriteBytes(DeviceSeed);
            w.WriteUInt32((uint)FrequencyHz);
            w.WriteByte(SpreadingFactor);
            w.WriteUInt32((uint)BandwidthHz);
            w.WriteByte(CodingRate);
            w.WriteByte(PowerDbm + 128);
            w.WriteByte((PaBoost ? 1 : 0) | (Amateur ? 2 : 0));
            w.WriteText(Callsign);
            WriteBlob(w, Genesis);
            w.WriteVarUInt((uint)Updates.Length);
            for (int i = 0; i < Updates.Length; i++)
            {
                WriteBlob(w, Updates[i]);
            }
            w.WriteText(StationName);
            WriteBlob(w, CrisisKey);
            w.WriteVarUInt((uint)OperatorNumbers.Length);
            for (int i = 0; i < OperatorNumbers.Length; i++)
            {
                w.WriteByte(OperatorNumbers[i]);
                w.WriteBytes(OperatorPinHashes[i]);
            }
            w.WriteText(WifiSsid);
            w.WriteText(WifiPassword);
            w.WriteText(LedgerUrl);
            byte[] body = w.ToArray();
            byte[] all = new byte[body.Length + 4];
            Array.Copy(body, all, body.Length);
            Bytes.WriteUInt32LittleEndian(all, body.Length, Crc32.Compute(body, 0, body.Length));
            return all;
        }

        /// <summary>Reads a provisioning blob; MalformedDataException says what is wrong (truncated, damaged, another format).</summary>
        public static DeviceProvisioning Decode(byte[] data)
        {
            if (data == null || data.Length < Magic.Length + 5)
            {
                throw new MalformedDataException("provisioning: too short to be a provisioning file");
            }
            int body = data.Length - 4;
            if (Crc32.Compute(data, 0, body) != Bytes.ReadUInt32LittleEndian(data, body))
            {
                throw new MalformedDataException("provisioning: the CRC does not match (damaged or cut short): provision the board again");
            }
            ByteReader r = new ByteReader(data, 0, body);
            byte[] magic = r.ReadBytes(Magic.Length, "provisioning magic");
            for (int i = 0; i < Magic.Length; i++)
            {
                if (magic[i] != Magic[i])
                {
                    throw new MalformedDataException("provisioning: not a Skold provisioning file");
                }
            }
            int version = r.ReadByte("provisioning version");
            if (version != FormatVersion)
            {
                throw new MalformedDataException("provisioning: format version " + version + ", this firmware reads " + FormatVersion);
            }
            DeviceProvisioning p = new DeviceProvisioning();
            p.Role = r.ReadByte("role");
            p.Id = r.ReadUInt16("id");
            p.Board = r.ReadText("board", 32);
            p.DeviceSeed = r.ReadBytes(32, "device key");
            p.FrequencyHz = r.ReadUInt32("frequency");
            p.SpreadingFactor = r.ReadByte("spreading factor");
            p.BandwidthHz = (int)r.ReadUInt32("bandwidth");
            p.CodingRate = r.ReadByte("coding rate");
            p.PowerDbm = r.ReadByte("power") - 128;
            int flags = r.ReadByte("radio flags");
            p.PaBoost = (flags & 1) != 0;
            p.Amateur = (flags & 2) != 0;
            p.Callsign = r.ReadText("callsign", 16);
            p.Genesis = ReadBlob(r, "genesis");
            int updates = r.ReadVarInt("registry updates", 0, MaxUpdates);
            p.Updates = new byte[updates][];
            for (int i = 0; i < updates; i++)
            {
                p.Updates[i] = ReadBlob(r, "registry update");
            }
            p.StationName = r.ReadText("station name", 32);
            p.CrisisKey = ReadBlob(r, "crisis key");
            int operators = r.ReadVarInt("operators", 0, MaxOperators);
            p.OperatorNumbers = new int[operators];
            p.OperatorPinHashes = new byte[operators][];
            for (int i = 0; i < operators; i++)
            {
                p.OperatorNumbers[i] = r.ReadByte("operator");
                p.OperatorPinHashes[i] = r.ReadBytes(32, "operator PIN hash");
            }
            p.WifiSsid = r.ReadText("Wi-Fi network", 32);
            p.WifiPassword = r.ReadText("Wi-Fi password", 64);
            p.LedgerUrl = r.ReadText("ledger address", 128);
            r.ExpectEnd("provisioning");
            return p;
        }

        /// <summary>
        /// Why this provisioning must not be used, or null when it is good: a council that is not
        /// in force, registry updates that do not apply, a role without what it needs, or radio
        /// settings the region forbids. Returns the registry through registry when good.
        /// </summary>
        public string? Problem(Ed25519 ed, out CouncilRegistry? registry)
        {
            registry = null;
            if (Role != RoleRelay && Role != RoleKiosk)
            {
                return "unknown role " + Role;
            }
            if (Id < 1)
            {
                return "no node or station number";
            }
            if (Id > MaxId)
            {
                // Frame senders from 0x8000 up are station kiosks (0x8000 + station, frame.md).
                return "node and station numbers go up to " + MaxId + ": from 32768 up, frame senders are station kiosks";
            }
            try
            {
                Order genesis = Order.Decode(Genesis);
                CouncilRegistry council = CouncilRegistry.FromGenesis(genesis);
                if (!council.Check(genesis, ed).Met)
                {
                    return "the council's genesis is not signed by enough members";
                }
                // The updates go through the same acceptance a relay applies after a reboot: kind,
                // signatures, policy, sequence and the chain of AfterSequence numbers.
                OrderAcceptance acceptance = new OrderAcceptance(council, ed);
                for (int i = 0; i < Updates.Length; i++)
                {
                    Order update = Order.Decode(Updates[i]);
                    if (update.Kind != OrderKind.RegistryUpdate)
                    {
                        return "registry update " + (i + 1) + " is a " + OrderKind.Name(update.Kind) + " order";
                    }
                    AcceptanceResult result = acceptance.Restore(Updates[i], 0);
                    if (!result.Accepted)
                    {
                        return "registry update " + (i + 1) + " is not in force: " + result;
                    }
                }
                registry = acceptance.Registry;
            }
            catch (MalformedDataException e)
            {
                return "the council files are damaged: " + e.Message;
            }
            catch (ArgumentException e)
            {
                return "the council files do not fit together: " + e.Message;
            }
            try
            {
                new LoRaModulation(SpreadingFactor, BandwidthHz, CodingRate);
                DutyCycleAccountant.ForFrequency(FrequencyHz, Amateur);
            }
            catch (ArgumentException e)
            {
                registry = null;
                return "radio settings: " + e.Message;
            }
            if (Amateur && Callsign.Length == 0)
            {
                return "the amateur band needs the operator's callsign";
            }
            if (Role == RoleKiosk)
            {
                if (CrisisKey.Length != 32 || OperatorNumbers.Length == 0)
                {
                    return "a kiosk needs the crisis key and at least one operator";
                }
                byte[]? registered = registry.StationKey(Id);
                byte[] own = ed.CreatePrivateKey(DeviceSeed).GetPublicKey();
                if (registered == null || !Bytes.SameBytes(registered, own))
                {
                    registry = null;
                    return "station " + Id + " is not registered by the council with this device's key";
                }
            }
            return null;
        }

        private static void WriteBlob(ByteWriter w, byte[] blob)
        {
            w.WriteVarUInt((uint)blob.Length);
            w.WriteBytes(blob);
        }

        private static byte[] ReadBlob(ByteReader r, string field)
        {
            int length = r.ReadVarInt(field + " length", 0, 4096);
            return r.ReadBytes(length, field);
        }

    }
}
