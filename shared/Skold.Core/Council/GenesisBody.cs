using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// The council's founding registry. Body: council name (text), resilience fund in whole
    /// kronor (uint32), member count (varint), members, then for kinds 1..5 in order the
    /// minimum signatures and minimum groups (a byte each).
    /// </summary>
    public sealed class GenesisBody : IOrderBody
    {
        public const int MaxNameBytes = 64;

        public GenesisBody(string councilName, uint fundSek, CouncilMember[] members, KindPolicy[] policies)
        {
            if (councilName == null || councilName.Length == 0 || TextCodec.Encode(councilName).Length > MaxNameBytes)
            {
                throw new ArgumentException("a council name is 1.." + MaxNameBytes + " bytes", nameof(councilName));
            }
            if (members == null || members.Length < 1 || members.Length > CouncilRegistry.MaxMembers)
            {
                throw new ArgumentException("a council has 1.." + CouncilRegistry.MaxMembers + " members", nameof(members));
            }
            if (policies == null || policies.Length != OrderKind.Count)
            {
                throw new ArgumentException("a policy for every order kind", nameof(policies));
            }
            for (int kind = OrderKind.Alert; kind < OrderKind.Count; kind++)
            {
                if (!KindPolicy.IsSane(policies[kind].MinSignatures, policies[kind].MinGroups))
                {
                    throw new ArgumentException("the policy for " + OrderKind.Name(kind) + " is not sane");
                }
            }
            CouncilName = councilName;
            FundSek = fundSek;
            Members = members;
            Policies = policies;
        }

        public string CouncilName { get; }

        public uint FundSek { get; }

        public CouncilMember[] Members { get; }

        /// <summary>Indexed by OrderKind; the genesis entry is the registry-update policy.</summary>
        public KindPolicy[] Policies { get; }

        public void Write(ByteWriter writer)
        {
            writer.WriteText(CouncilName);
            writer.WriteUInt32(FundSek);
            writer.WriteVarUInt((uint)Members.Length);
            for (int i = 0; i < Members.Length; i++)
            {
                Members[i].Write(writer);
            }
            for (int kind = OrderKind.Alert; kind < OrderKind.Count; kind++)
            {
                writer.WriteByte(Policies[kind].MinSignatures);
                writer.WriteByte(Policies[kind].MinGroups);
            }
        }

        public static GenesisBody Read(ByteReader reader)
        {
            string name = reader.ReadText("council name", MaxNameBytes);
            if (name.Length == 0)
            {
                throw new MalformedDataException("council name: empty");
            }
            uint fund = reader.ReadUInt32("resilience fund");
            int count = reader.ReadVarInt("member count", 1, CouncilRegistry.MaxMembers);
            CouncilMember[] members = new CouncilMember[count];
            for (int i = 0; i < count; i++)
            {
                members[i] = CouncilMember.Read(reader);
            }
            KindPolicy[] policies = new KindPolicy[OrderKind.Count];
            for (int kind = OrderKind.Alert; kind < OrderKind.Count; kind++)
            {
                int signatures = reader.ReadByte("policy signatures");
                int groups = reader.ReadByte("policy groups");
                if (!KindPolicy.IsSane(signatures, groups))
                {
                    throw new MalformedDataException("policy for " + OrderKind.Name(kind) + ": " + signatures + " signatures from " + groups + " groups is not valid");
                }
                policies[kind] = new KindPolicy(signatures, groups);
            }
            policies[OrderKind.Genesis] = policies[OrderKind.RegistryUpdate];
            return new GenesisBody(name, fund, members, policies);
        }
    }
}
