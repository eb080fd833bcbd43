using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// One change in a REGISTRY_UPDATE order. Type byte, then: 1 add member (a member record);
    /// 2 rotate key (member index varint, new key, valid from, valid until); 3 revoke member
    /// (member index varint); 4 set policy (kind, minimum signatures, minimum groups: bytes);
    /// 5 register station (station number varint, 32-byte station key; a later registration of
    /// the same number replaces its key).
    /// </summary>
    public sealed class RegistryOperation
    {
        public const int AddMember = 1;
        public const int RotateKey = 2;
        public const int RevokeMember = 3;
        public const int SetPolicy = 4;
        public const int RegisterStation = 5;

        private RegistryOperation(int type)
        {
            Type = type;
        }

        public int Type { get; }

        /// <summary>The member to add (AddMember) or the member's new key and validity (RotateKey).</summary>
        public CouncilMember? Member { get; private set; }

        /// <summary>The member concerned, for RotateKey and RevokeMember.</summary>
        public int MemberIndex { get; private set; }

        public int PolicyKind { get; private set; }

        public KindPolicy? Policy { get; private set; }

        public int StationId { get; private set; }

        public byte[]? StationKey { get; private set; }

        public static RegistryOperation Station(int stationId, byte[] publicKey)
        {
            if (stationId < 0 || stationId > 65535 || publicKey == null || publicKey.Length != 32)
            {
                throw new ArgumentException("a station is numbered 0..65535 and has a 32-byte Ed25519 key");
            }
            RegistryOperation op = new RegistryOperation(RegisterStation);
            op.StationId = stationId;
            op.StationKey = publicKey;
            return op;
        }

        public static RegistryOperation Add(CouncilMember member)
        {
            RegistryOperation op = new RegistryOperation(AddMember);
            op.Member = member;
            return op;
        }

        /// <summary>A new key for a member; name and group stay as they are.</summary>
        public static RegistryOperation Rotate(int memberIndex, byte[] publicKey, uint validFrom, uint validUntil)
        {
            RegistryOperation op = new RegistryOperation(RotateKey);
            op.MemberIndex = memberIndex;
            op.Member = new CouncilMember("-", 0, publicKey, validFrom, validUntil, false);
            return op;
        }

        public static RegistryOperation Revoke(int memberIndex)
        {
            RegistryOperation op = new RegistryOperation(RevokeMember);
            op.MemberIndex = memberIndex;
            return op;
        }

        public static RegistryOperation ChangePolicy(int kind, KindPolicy policy)
        {
            if (kind < OrderKind.Alert || kind >= OrderKind.Count || !KindPolicy.IsSane(policy.MinSignatures, policy.MinGroups))
            {
                throw new ArgumentException("a policy is for an order kind 1..5, with 1..4 groups and at least as many signatures");
            }
            RegistryOperation op = new RegistryOperation(SetPolicy);
            op.PolicyKind = kind;
            op.Policy = policy;
            return op;
        }

        public void Write(ByteWriter writer)
        {
            writer.WriteByte(Type);
            switch (Type)
            {
                case AddMember:
                    Member!.Write(writer);
                    break;
                case RotateKey:
                    writer.WriteVarUInt((uint)MemberIndex);
                    writer.WriteBytes(Member!.PublicKey);
                    writer.WriteUInt32(Member.ValidFrom);
                    writer.WriteUInt32(Member.ValidUntil);
                    break;
                case RevokeMember:
                    writer.WriteVarUInt((uint)MemberIndex);
                    break;
                case RegisterStation:
                    writer.WriteVarUInt((uint)StationId);
                    writer.WriteBytes(StationKey!);
                    break;
                default:
                    writer.WriteByte(PolicyKind);
                    writer.WriteByte(Policy!.MinSignatures);
                    writer.WriteByte(Policy.MinGroups);
                    break;
            }
        }

        public static RegistryOperation Read(ByteReader reader)
        {
            int type = reader.ReadByte("registry operation");
            switch (type)
            {
                case AddMember:
                    return Add(CouncilMember.Read(reader));
                case RotateKey:
                    {
                        int index = reader.ReadVarInt("rotated member", 0, CouncilRegistry.MaxMembers - 1);
                        byte[] key = reader.ReadBytes(32, "rotated key");
                        uint from = reader.ReadUInt32("rotated key valid from");
                        uint until = reader.ReadUInt32("rotated key valid until");
                        if (until <= from)
                        {
                            throw new MalformedDataException("rotated key validity: ends before it begins");
                        }
                        return Rotate(index, key, from, until);
                    }
                case RevokeMember:
                    return Revoke(reader.ReadVarInt("revoked member", 0, CouncilRegistry.MaxMembers - 1));
                case SetPolicy:
                    {
                        int kind = reader.ReadByte("policy kind");
                        int signatures = reader.ReadByte("policy signatures");
                        int groups = reader.ReadByte("policy groups");
                        if (kind < OrderKind.Alert || kind >= OrderKind.Count || !KindPolicy.IsSane(signatures, groups))
                        {
                            throw new MalformedDataException("policy: kind " + kind + " with " + signatures + " signatures from " + groups + " groups is not a valid policy");
                        }
                        return ChangePolicy(kind, new KindPolicy(signatures, groups));
                    }
                case RegisterStation:
                    {
                        int station = reader.ReadVarInt("station number", 0, 65535);
                        return Station(station, reader.ReadBytes(32, "station key"));
                    }
                default:
                    throw new MalformedDataException("registry operation: unknown type " + type);
            }
        }
    }
}
