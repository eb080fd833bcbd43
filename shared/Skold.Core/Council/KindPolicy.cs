namespace Skold.Council
{
    /// <summary>How many distinct valid members, from how many distinct groups, an order kind needs.</summary>
    public sealed class KindPolicy
    {
        public KindPolicy(int minSignatures, int minGroups)
        {
            MinSignatures = minSignatures;
            MinGroups = minGroups;
        }

        public int MinSignatures { get; }

        public int MinGroups { get; }

        /// <summary>True for a policy a council could hold: at least one group, no more groups than signatures or than exist.</summary>
        public static bool IsSane(int minSignatures, int minGroups)
        {
            return minGroups >= 1 && minGroups <= CouncilGroup.Count && minSignatures >= minGroups && minSignatures <= 32;
        }

        /// <summary>The defaults of the council's founding rules, indexed by OrderKind.</summary>
        public static KindPolicy[] Defaults()
        {
            KindPolicy[] policies = new KindPolicy[OrderKind.Count];
            policies[OrderKind.Alert] = new KindPolicy(2, 2);
            policies[OrderKind.TeamActivation] = new KindPolicy(3, 3);
            policies[OrderKind.DistributionRules] = new KindPolicy(3, 3);
            policies[OrderKind.ReserveActivation] = new KindPolicy(4, 4);
            policies[OrderKind.RegistryUpdate] = new KindPolicy(6, 4);
            // The genesis is held to the registry-update policy it founds.
            policies[OrderKind.Genesis] = policies[OrderKind.RegistryUpdate];
            return policies;
        }
    }
}
