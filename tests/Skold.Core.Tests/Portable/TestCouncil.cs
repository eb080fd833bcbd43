using Skold.Council;
using Skold.Crypto;

namespace Skold.Tests.Portable
{
    /// <summary>
    /// A council of eight for tests: members 0-1 municipal, 2-3 police and rescue, 4-5 civil
    /// society, 6-7 youth, with keys from fixed seeds, and a genesis signed by all eight.
    /// </summary>
    public sealed class TestCouncil
    {
        public const uint Start = 100000000;
        public const uint Now = Start + 3600;

        public readonly Ed25519 Ed = new Ed25519();
        public readonly Ed25519PrivateKey[] Keys = new Ed25519PrivateKey[8];
        public readonly Order Genesis;
        public readonly CouncilRegistry Registry;

        public TestCouncil()
            : this("Storby samordningsråd", 10000000)
        {
        }

        public TestCouncil(string name, uint fundSek)
        {
            CouncilMember[] members = new CouncilMember[8];
            string[] names = { "Anna", "Bo", "Cecilia", "David", "Elif", "Farid", "Greta", "Hugo" };
            for (int i = 0; i < 8; i++)
            {
                Keys[i] = Ed.CreatePrivateKey(Seed(name, i));
                members[i] = new CouncilMember(names[i], i / 2, Keys[i].GetPublicKey(), Start - 86400, CouncilMember.Forever, false);
            }
            Genesis = new Order(OrderKind.Genesis, 0, Start, 0, new GenesisBody(name, fundSek, members, KindPolicy.Defaults()));
            Registry = CouncilRegistry.FromGenesis(Genesis);
            SignBy(Registry, Genesis, new int[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        }

        public static byte[] Seed(string council, int member)
        {
            byte[] seed = new byte[32];
            for (int i = 0; i < seed.Length; i++)
            {
                seed[i] = (byte)(council.Length * 31 + member * 7 + i);
            }
            return seed;
        }

        public void SignBy(CouncilRegistry registry, Order order, int[] members)
        {
            byte[] message = registry.SigningMessage(order);
            for (int i = 0; i < members.Length; i++)
            {
                order.SetSignature(members[i], Ed.Sign(Keys[members[i]], message));
            }
        }

        public Order Alert(int sequence, string text, int[] signers)
        {
            Order order = new Order(OrderKind.Alert, sequence, Now - 60, 24 * 60, new AlertBody(AlertBody.Warning, 0, text));
            SignBy(Registry, order, signers);
            return order;
        }

        public Order Rules(int sequence, int foodPerPeriod, int[] signers)
        {
            ItemRule[] items =
            {
                new ItemRule(ItemRule.BatteryPack, null, 2, 1, 1),
                new ItemRule(ItemRule.FoodParcel, null, foodPerPeriod, 0, 1),
            };
            Order order = new Order(OrderKind.DistributionRules, sequence, Now - 60, 48 * 60, new DistributionRulesBody(24, items));
            SignBy(Registry, order, signers);
            return order;
        }
    }
}
