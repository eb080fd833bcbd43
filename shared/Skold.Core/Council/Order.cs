using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Council
{
    /// <summary>
    /// A signed council document: an order, or the genesis registry (kind 0). Layout, all
    /// integers little-endian (docs/formats/order.md):
    /// <code>
    /// 0   1  version (high nibble, 1) | kind (low nibble)
    /// 1   3  council sequence number (uint24; 0 for the genesis)
    /// 4   4  created (SkoldTime)
    /// 8   2  lifetime in minutes (uint16; 0 only for the genesis, which does not expire)
    /// 10  n  body (per kind)
    /// .   v  signer bitmap (varint; bit i = member i signed)
    /// .  64k signatures, in member order
    /// </code>
    /// The signatures cover a domain string, the council id and bytes 0..10+n (SigningMessage).
    /// </summary>
    public sealed class Order
    {
        public const int FormatVersion = 1;
        public const int HeaderSize = 10;
        public const int SignatureSize = 64;
        public const int MaxSequence = 0xffffff;
        public const int MaxLifetimeMinutes = 0xffff;

        private readonly byte[][] _signatures = new byte[CouncilRegistry.MaxMembers][];

        public Order(int kind, int sequence, uint created, int lifetimeMinutes, IOrderBody body)
        {
            if (kind < 0 || kind >= OrderKind.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(kind), "unknown order kind");
            }
            if (sequence < 0 || sequence > MaxSequence || (kind == OrderKind.Genesis) != (sequence == 0))
            {
                throw new ArgumentOutOfRangeException(nameof(sequence), "orders are numbered 1.." + MaxSequence + "; the genesis is 0");
            }
            if (lifetimeMinutes < 0 || lifetimeMinutes > MaxLifetimeMinutes || (kind == OrderKind.Genesis) != (lifetimeMinutes == 0))
            {
                throw new ArgumentOutOfRangeException(nameof(lifetimeMinutes), "an order lives 1.." + MaxLifetimeMinutes + " minutes; the genesis does not expire (0)");
            }
            if (body == null || !BodyMatches(kind, body))
            {
                throw new ArgumentException("the body does not belong to a " + OrderKind.Name(kind) + " order", nameof(body));
            }
            Kind = kind;
            Sequence = sequence;
            Created = created;
            LifetimeMinutes = lifetimeMinutes;
            Body = body;
            ByteWriter writer = new ByteWriter(128);
            writer.WriteByte((FormatVersion << 4) | kind);
            writer.WriteUInt24(sequence);
            writer.WriteUInt32(created);
            writer.WriteUInt16(lifetimeMinutes);
            body.Write(writer);
            SignedBytes = writer.ToArray();
        }

        public int Kind { get; }

        public int Sequence { get; }

        public uint Created { get; }

        public int LifetimeMinutes { get; }

        public IOrderBody Body { get; }

        /// <summary>Header and body: the bytes the signatures are over (after the domain and council id).</summary>
        public byte[] SignedBytes { get; }

        /// <summary>The first moment the order is no longer valid; the genesis never expires.</summary>
        public uint Expires
        {
            get
            {
                if (Kind == OrderKind.Genesis)
                {
                    return CouncilMember.Forever;
                }
                ulong end = Created + (ulong)LifetimeMinutes * 60;
                return end >= CouncilMember.Forever ? CouncilMember.Forever : (uint)end;
            }
        }

        public uint SignerMask
        {
            get
            {
                uint mask = 0;
                for (int i = 0; i < _signatures.Length; i++)
                {
                    if (_signatures[i] != null)
                    {
                        mask |= 1u << i;
                    }
                }
                return mask;
            }
        }

        public int SignatureCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _signatures.Length; i++)
                {
                    if (_signatures[i] != null)
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        /// <summary>The signature of a member, or null.</summary>
        public byte[]? Signature(int memberIndex)
        {
            return memberIndex >= 0 && memberIndex < _signatures.Length ? _signatures[memberIndex] : null;
        }

        /// <summary>Sets a member's signature, replacing one it made before: a member signs an order once.</summary>
        public void SetSignature(int memberIndex, byte[] signature)
        {
            if (memberIndex < 0 || memberIndex >= _signatures.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(memberIndex), "member index is 0.." + (_signatures.Length - 1));
            }
            if (signature == null || signature.Length != SignatureSize)
            {
                throw new ArgumentException("a signature is 64 bytes", nameof(signature));
            }
            _signatures[memberIndex] = signature;
        }

        /// <summary>SHA-256 of the signed bytes: the same order whoever signed it, used to spot replays.</summary>
        public byte[] ComputeId()
        {
            return Sha256.Hash(SignedBytes);
        }

        public byte[] Encode()
        {
            ByteWriter writer = new ByteWriter(SignedBytes.Length + 2 + SignatureSize * SignatureCount);
            writer.WriteBytes(SignedBytes);
            writer.WriteVarUInt(SignerMask);
            for (int i = 0; i < _signatures.Length; i++)
            {
                byte[] signature = _signatures[i];
                if (signature != null)
                {
                    writer.WriteBytes(signature);
                }
            }
            return writer.ToArray();
        }

        /// <summary>Decodes a document, or throws MalformedDataException saying what is wrong. Never throws anything else for any bytes.</summary>
        public static Order Decode(byte[] data, int offset, int count)
        {
            ByteReader reader = new ByteReader(data, offset, count);
            int first = reader.ReadByte("version and kind");
            if (first >> 4 != FormatVersion)
            {
                throw new MalformedDataException("version " + (first >> 4) + " is not " + FormatVersion);
            }
            int kind = first & 0x0f;
            if (kind >= OrderKind.Count)
            {
                throw new MalformedDataException("kind " + kind + " is unknown");
            }
            int sequence = reader.ReadUInt24("sequence number");
            uint created = reader.ReadUInt32("created");
            int lifetime = reader.ReadUInt16("lifetime");
            if ((kind == OrderKind.Genesis) != (sequence == 0) || (kind == OrderKind.Genesis) != (lifetime == 0))
            {
                throw new MalformedDataException("sequence and lifetime are 0 for the genesis only");
            }
            Order order;
            try
            {
                order = new Order(kind, sequence, created, lifetime, ReadBody(kind, reader));
            }
            catch (ArgumentException e)
            {
                // A constructor's own check caught what the reader let through.
                throw new MalformedDataException(OrderKind.Name(kind) + ": " + e.Message);
            }
            if (order.SignedBytes.Length != reader.Position - offset)
            {
                throw new MalformedDataException("body is not in canonical form");
            }
            uint mask = reader.ReadVarUInt("signer bitmap");
            for (int i = 0; i < 32; i++)
            {
                if ((mask & (1u << i)) != 0)
                {
                    order.SetSignature(i, reader.ReadBytes(SignatureSize, "signature of member " + i));
                }
            }
            reader.ExpectEnd("order");
            return order;
        }

        public static Order Decode(byte[] data)
        {
            return Decode(data, 0, data.Length);
        }

        private static IOrderBody ReadBody(int kind, ByteReader reader)
        {
            switch (kind)
            {
                case OrderKind.Genesis:
                    return GenesisBody.Read(reader);
                case OrderKind.Alert:
                    return AlertBody.Read(reader);
                case OrderKind.TeamActivation:
                    return TeamActivationBody.Read(reader);
                case OrderKind.DistributionRules:
                    return DistributionRulesBody.Read(reader);
                case OrderKind.ReserveActivation:
                    return ReserveActivationBody.Read(reader);
                default:
                    return RegistryUpdateBody.Read(reader);
            }
        }

        private static bool BodyMatches(int kind, IOrderBody body)
        {
            switch (kind)
            {
                case OrderKind.Genesis:
                    return body is GenesisBody;
                case OrderKind.Alert:
                    return body is AlertBody;
                case OrderKind.TeamActivation:
                    return body is TeamActivationBody;
                case OrderKind.DistributionRules:
                    return body is DistributionRulesBody;
                case OrderKind.ReserveActivation:
                    return body is ReserveActivationBody;
                default:
                    return body is RegistryUpdateBody;
            }
        }
    }
}
