using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// One seat's signing key. A member's signature counts for an order created in
    /// [ValidFrom, ValidUntil) unless the member was revoked, which makes every signature
    /// by that key count for nothing from then on.
    /// </summary>
    public sealed class CouncilMember
    {
        public const int MaxNameBytes = 48;
        public const uint Forever = 0xffffffff;

        public CouncilMember(string name, int group, byte[] publicKey, uint validFrom, uint validUntil, bool revoked)
        {
            if (group < 0 || group >= CouncilGroup.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(group), "a council group is 0 to 3");
            }
            if (publicKey == null || publicKey.Length != 32)
            {
                throw new ArgumentException("an Ed25519 public key is 32 bytes", nameof(publicKey));
            }
            if (validUntil <= validFrom)
            {
                throw new ArgumentException("a key's validity must end after it begins", nameof(validUntil));
            }
            Name = name;
            Group = group;
            PublicKey = publicKey;
            ValidFrom = validFrom;
            ValidUntil = validUntil;
            Revoked = revoked;
        }

        public string Name { get; }

        public int Group { get; }

        public byte[] PublicKey { get; }

        public uint ValidFrom { get; }

        public uint ValidUntil { get; }

        public bool Revoked { get; }

        public bool CountsAt(uint time)
        {
            return !Revoked && time >= ValidFrom && time < ValidUntil;
        }

        /// <summary>Group (byte), name (text), public key (32 bytes), valid from and until (uint32 each).</summary>
        public void Write(ByteWriter writer)
        {
            writer.WriteByte(Group);
            writer.WriteText(Name);
            writer.WriteBytes(PublicKey);
            writer.WriteUInt32(ValidFrom);
            writer.WriteUInt32(ValidUntil);
        }

        /// <summary>Reads what Write wrote, as a member that is not revoked.</summary>
        public static CouncilMember Read(ByteReader reader)
        {
            int group = reader.ReadByte("member group");
            if (group >= CouncilGroup.Count)
            {
                throw new MalformedDataException("member group: " + group + " is not 0..3");
            }
            string name = reader.ReadText("member name", MaxNameBytes);
            if (name.Length == 0)
            {
                throw new MalformedDataException("member name: empty");
            }
            byte[] publicKey = reader.ReadBytes(32, "member public key");
            uint from = reader.ReadUInt32("member valid from");
            uint until = reader.ReadUInt32("member valid until");
            if (until <= from)
            {
                throw new MalformedDataException("member validity: ends before it begins");
            }
            return new CouncilMember(name, group, publicKey, from, until, false);
        }

        public CouncilMember WithRevoked()
        {
            return new CouncilMember(Name, Group, PublicKey, ValidFrom, ValidUntil, true);
        }
    }
}
