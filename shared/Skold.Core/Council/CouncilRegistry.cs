using System;
using Skold.Codec;
using Skold.Crypto;

namespace Skold.Council
{
    /// <summary>
    /// Who sits on the council with which key, and what each order kind needs. Founded by a
    /// genesis document, changed only by REGISTRY_UPDATE orders that meet the registry policy
    /// in force before them. Immutable: Apply returns a new registry.
    /// </summary>
    public sealed class CouncilRegistry
    {
        public const int MaxMembers = 32;
        public const int MaxStations = 64;

        private static readonly byte[] OrderDomain = Ascii("SKOLD-ORDER-v1");
        private static readonly byte[] GenesisDomain = Ascii("SKOLD-GENESIS-v1");
        private static readonly byte[] CouncilIdDomain = Ascii("SKOLD-COUNCIL-v1");

        private readonly CouncilMember[] _members;
        private readonly KindPolicy[] _policies;
        private readonly int[] _stationIds;
        private readonly byte[][] _stationKeys;

        private CouncilRegistry(byte[] councilId, string councilName, uint fundSek, CouncilMember[] members, KindPolicy[] policies, int sequence,
                                int[] stationIds, byte[][] stationKeys)
        {
            _stationIds = stationIds;
            _stationKeys = stationKeys;
            CouncilId = councilId;
            CouncilName = councilName;
            FundSek = fundSek;
            _members = members;
            _policies = policies;
            Sequence = sequence;
        }

        /// <summary>SHA-256 over a domain string and the genesis' signed bytes: names this council in every signature.</summary>
        public byte[] CouncilId { get; }

        public string CouncilName { get; }

        /// <summary>The resilience fund in whole kronor; the acute reserve is a tenth of it.</summary>
        public uint FundSek { get; }

        public uint AcuteReserveSek
        {
            get { return FundSek / 10; }
        }

        /// <summary>The sequence number of the last registry update applied; 0 for the genesis.</summary>
        public int Sequence { get; }

        public int MemberCount
        {
            get { return _members.Length; }
        }

        public CouncilMember Member(int index)
        {
            return _members[index];
        }

        public KindPolicy Policy(int kind)
        {
            return _policies[kind];
        }

        public int StationCount
        {
            get { return _stationIds.Length; }
        }

        /// <summary>The key the council registered for a station, or null.</summary>
        public byte[]? StationKey(int stationId)
        {
            for (int i = 0; i < _stationIds.Length; i++)
            {
                if (_stationIds[i] == stationId)
                {
                    return _stationKeys[i];
                }
            }
            return null;
        }

        /// <summary>The member holding this public key, or -1.</summary>
        public int FindMember(byte[] publicKey)
        {
            for (int i = 0; i < _members.Length; i++)
            {
                if (Bytes.FixedTimeEquals(_members[i].PublicKey, 0, publicKey, 0, 32))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>
        /// The registry a genesis document founds, without checking its signatures: call Check
        /// on the genesis before trusting it.
        /// </summary>
        public static CouncilRegistry FromGenesis(Order genesis)
        {
            GenesisBody? body = genesis.Body as GenesisBody;
            if (body == null)
            {
                throw new ArgumentException("not a genesis document: " + OrderKind.Name(genesis.Kind), nameof(genesis));
            }
            Sha256 sha = new Sha256();
            sha.Update(CouncilIdDomain);
            sha.Update(genesis.SignedBytes);
            return new CouncilRegistry(sha.Finish(), body.CouncilName, body.FundSek, body.Members, body.Policies, 0, new int[0], new byte[0][]);
        }

        /// <summary>
        /// What a member signs: "SKOLD-ORDER-v1", a zero byte, the council id and the order's
        /// signed bytes; for the genesis, "SKOLD-GENESIS-v1", a zero byte and its signed bytes.
        /// The council id keeps an order of one council from counting in another.
        /// </summary>
        public byte[] SigningMessage(Order order)
        {
            bool genesis = order.Kind == OrderKind.Genesis;
            byte[] domain = genesis ? GenesisDomain : OrderDomain;
            ByteWriter writer = new ByteWriter(domain.Length + 33 + order.SignedBytes.Length);
            writer.WriteBytes(domain);
            writer.WriteByte(0);
            if (!genesis)
            {
                writer.WriteBytes(CouncilId);
            }
            writer.WriteBytes(order.SignedBytes);
            return writer.ToArray();
        }

        /// <summary>
        /// Checks every signature on the order and its kind's policy. Any signature by an
        /// unknown member, or one that does not verify, rejects the order whole. Valid
        /// signatures by revoked members, or by keys outside their term when the order was
        /// created, count for nothing. Each member counts once.
        /// </summary>
        public PolicyCheck Check(Order order, Ed25519 ed)
        {
            KindPolicy policy = _policies[order.Kind];
            uint signed = order.SignerMask;
            // A signature by a member beyond the registry refuses the order before any is verified.
            for (int i = _members.Length; i < MaxMembers; i++)
            {
                if ((signed & (1u << i)) != 0)
                {
                    return new PolicyCheck(RejectionReason.UnknownSigner, signed, 0, 0, policy, i);
                }
            }
            byte[] message = SigningMessage(order);
            uint counted = 0;
            int groupMask = 0;
            for (int i = 0; i < MaxMembers; i++)
            {
                if ((signed & (1u << i)) == 0)
                {
                    continue;
                }
                if (i >= _members.Length)
                {
                    return new PolicyCheck(RejectionReason.UnknownSigner, signed, 0, 0, policy, i);
                }
                CouncilMember member = _members[i];
                if (!ed.Verify(order.Signature(i)!, 0, message, 0, message.Length, member.PublicKey, 0))
                {
                    return new PolicyCheck(RejectionReason.SignatureInvalid, signed, 0, 0, policy, i);
                }
                if (member.CountsAt(order.Created))
                {
                    counted |= 1u << i;
                    groupMask |= 1 << member.Group;
                }
            }
            int groups = PolicyCheck.PopCount((uint)groupMask);
            bool met = PolicyCheck.PopCount(counted) >= policy.MinSignatures && groups >= policy.MinGroups;
            return new PolicyCheck(met ? RejectionReason.None : RejectionReason.PolicyNotMet, signed, counted, groups, policy, -1);
        }

        /// <summary>
        /// The registry after an update with the given sequence number. Throws
        /// InvalidOperationException, changing nothing, when an operation names a member that
        /// does not exist, adds beyond MaxMembers, or a key that another member already holds.
        /// </summary>
        public CouncilRegistry Apply(RegistryUpdateBody update, int sequence)
        {
            CouncilMember[] members = _members;
            int[] stationIds = _stationIds;
            byte[][] stationKeys = _stationKeys;
            KindPolicy[] policies = new KindPolicy[_policies.Length];
            Array.Copy(_policies, policies, policies.Length);
            for (int i = 0; i < update.Operations.Length; i++)
            {
                RegistryOperation op = update.Operations[i];
                switch (op.Type)
                {
                    case RegistryOperation.AddMember:
                        if (members.Length >= MaxMembers)
                        {
                            throw new InvalidOperationException("the registry already has " + MaxMembers + " members");
                        }
                        RequireUnusedKey(members, op.Member!.PublicKey, -1);
                        CouncilMember[] grown = new CouncilMember[members.Length + 1];
                        Array.Copy(members, grown, members.Length);
                        grown[members.Length] = op.Member;
                        members = grown;
                        break;
                    case RegistryOperation.RotateKey:
                        {
                            CouncilMember old = Existing(members, op.MemberIndex);
                            RequireUnusedKey(members, op.Member!.PublicKey, op.MemberIndex);
                            members = Replace(members, op.MemberIndex,
                                new CouncilMember(old.Name, old.Group, op.Member.PublicKey, op.Member.ValidFrom, op.Member.ValidUntil, old.Revoked));
                            break;
                        }
                    case RegistryOperation.RevokeMember:
                        members = Replace(members, op.MemberIndex, Existing(members, op.MemberIndex).WithRevoked());
                        break;
                    case RegistryOperation.RegisterStation:
                        {
                            int at = -1;
                            for (int s = 0; s < stationIds.Length; s++)
                            {
                                if (stationIds[s] == op.StationId)
                                {
                                    at = s;
                                }
                            }
                            if (at < 0)
                            {
                                if (stationIds.Length >= MaxStations)
                                {
                                    throw new InvalidOperationException("the registry already has " + MaxStations + " stations");
                                }
                                int[] ids = new int[stationIds.Length + 1];
                                byte[][] keys = new byte[stationIds.Length + 1][];
                                Array.Copy(stationIds, ids, stationIds.Length);
                                Array.Copy(stationKeys, keys, stationIds.Length);
                                ids[stationIds.Length] = op.StationId;
                                keys[stationIds.Length] = op.StationKey!;
                                stationIds = ids;
                                stationKeys = keys;
                            }
                            else
                            {
                                byte[][] keys = new byte[stationKeys.Length][];
                                Array.Copy(stationKeys, keys, stationKeys.Length);
                                keys[at] = op.StationKey!;
                                stationKeys = keys;
                            }
                            break;
                        }
                    default:
                        policies[op.PolicyKind] = op.Policy!;
                        if (op.PolicyKind == OrderKind.RegistryUpdate)
                        {
                            policies[OrderKind.Genesis] = op.Policy!;
                        }
                        break;
                }
            }
            return new CouncilRegistry(CouncilId, CouncilName, FundSek, members, policies, sequence, stationIds, stationKeys);
        }

        private static CouncilMember Existing(CouncilMember[] members, int index)
        {
            if (index < 0 || index >= members.Length)
            {
                throw new InvalidOperationException("member " + index + " does not exist");
            }
            return members[index];
        }

        private static void RequireUnusedKey(CouncilMember[] members, byte[] publicKey, int except)
        {
            for (int i = 0; i < members.Length; i++)
            {
                if (i != except && Bytes.FixedTimeEquals(members[i].PublicKey, 0, publicKey, 0, 32))
                {
                    throw new InvalidOperationException("member " + i + " already holds that key");
                }
            }
        }

        private static CouncilMember[] Replace(CouncilMember[] members, int index, CouncilMember member)
        {
            CouncilMember[] copy = new CouncilMember[members.Length];
            Array.Copy(members, copy, members.Length);
            copy[index] = member;
            return copy;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
