namespace Skold.Council
{
    /// <summary>
    /// The outcome of checking an order's signatures against the registry and its kind's
    /// policy: who signed, whose signature counts, how many groups, and whether that is enough.
    /// </summary>
    public sealed class PolicyCheck
    {
        internal PolicyCheck(int reason, uint signedMask, uint countedMask, int groups, KindPolicy policy, int badMember)
        {
            Reason = reason;
            SignedMask = signedMask;
            CountedMask = countedMask;
            Groups = groups;
            Policy = policy;
            BadMember = badMember;
        }

        /// <summary>RejectionReason.None when the policy is met.</summary>
        public int Reason { get; }

        public bool Met
        {
            get { return Reason == RejectionReason.None; }
        }

        /// <summary>Members who signed (bit i = member i).</summary>
        public uint SignedMask { get; }

        /// <summary>Members whose valid signatures count: not revoked, key valid when the order was created.</summary>
        public uint CountedMask { get; }

        /// <summary>Distinct groups among the counted members.</summary>
        public int Groups { get; }

        public KindPolicy Policy { get; }

        /// <summary>The member whose signature was unknown or invalid, or -1.</summary>
        public int BadMember { get; }

        public int Counted
        {
            get { return PopCount(CountedMask); }
        }

        /// <summary>A sentence a council member can act on.</summary>
        public string Explain()
        {
            if (Reason == RejectionReason.UnknownSigner)
            {
                return "signature by member " + BadMember + ", who is not in the registry";
            }
            if (Reason == RejectionReason.SignatureInvalid)
            {
                return "the signature of member " + BadMember + " does not verify: forged, damaged, or signed with another key";
            }
            string counts = Counted + " valid signature(s) of " + Policy.MinSignatures + " needed, from " + Groups + " group(s) of " + Policy.MinGroups + " needed";
            if (Met)
            {
                return "policy met: " + counts;
            }
            string missing = "";
            if (Counted < Policy.MinSignatures)
            {
                missing = (Policy.MinSignatures - Counted) + " more signature(s)";
            }
            if (Groups < Policy.MinGroups)
            {
                missing += (missing.Length > 0 ? " and " : "") + (Policy.MinGroups - Groups) + " more group(s)";
            }
            int notCounting = PopCount(SignedMask & ~CountedMask);
            string ignored = notCounting > 0 ? "; " + notCounting + " signature(s) by revoked or out-of-term keys count for nothing" : "";
            return "policy not met: " + counts + "; missing " + missing + ignored;
        }

        internal static int PopCount(uint mask)
        {
            int count = 0;
            while (mask != 0)
            {
                mask &= mask - 1;
                count++;
            }
            return count;
        }
    }
}
