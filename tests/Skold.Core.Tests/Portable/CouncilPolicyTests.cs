#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Skold.Council;

namespace Skold.Tests.Portable
{
    [TestClass]
    public class CouncilPolicyTests
    {
        private static OrderAcceptance Device(TestCouncil council)
        {
            Assert.IsTrue(council.Registry.Check(council.Genesis, council.Ed).Met, "the genesis itself meets its policy");
            return new OrderAcceptance(council.Registry, council.Ed);
        }

        [TestMethod]
        public void AlertSignedByTwoMembersOfTwoGroupsIsAccepted()
        {
            TestCouncil council = new TestCouncil();
            AcceptanceResult result = Device(council).Accept(council.Alert(1, "Storm i natt", new int[] { 0, 2 }).Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.None, result.Reason, result.ToString());
            Assert.AreEqual(2, result.Check!.Counted);
            Assert.AreEqual(2, result.Check.Groups);
        }

        [TestMethod]
        public void TeamActivationMissedByOneSignatureIsRefused()
        {
            TestCouncil council = new TestCouncil();
            Order order = new Order(OrderKind.TeamActivation, 1, TestCouncil.Now - 60, 600,
                new TeamActivationBody(new int[] { 1, 2 }, new int[0], new int[] { 7 }, TestCouncil.Now, TestCouncil.Now + 86400));
            council.SignBy(council.Registry, order, new int[] { 0, 2 });
            AcceptanceResult result = Device(council).Accept(order.Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.PolicyNotMet, result.Reason);
            Assert.AreEqual("policy not met: 2 valid signature(s) of 3 needed, from 2 group(s) of 3 needed; missing 1 more signature(s) and 1 more group(s)", result.Check!.Explain());
        }

        [TestMethod]
        public void RulesMissedByOneGroupAreRefused()
        {
            TestCouncil council = new TestCouncil();
            // Three members, but two of them municipal: three signatures, two groups.
            AcceptanceResult result = Device(council).Accept(council.Rules(1, 1, new int[] { 0, 1, 2 }).Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.PolicyNotMet, result.Reason);
            Assert.AreEqual(3, result.Check!.Counted);
            Assert.AreEqual(2, result.Check.Groups);
        }

        [TestMethod]
        public void AMemberSigningTwiceCountsOnce()
        {
            TestCouncil council = new TestCouncil();
            Order order = council.Alert(1, "Vatten bryts kl 14", new int[] { 0 });
            council.SignBy(council.Registry, order, new int[] { 0 });
            Assert.AreEqual(1, order.SignatureCount);
            AcceptanceResult result = Device(council).Accept(order.Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.PolicyNotMet, result.Reason);
            Assert.AreEqual(1, result.Check!.Counted);
        }

        [TestMethod]
        public void RevokedKeyCountsForNothing()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order revoke = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 120, 600,
                new RegistryUpdateBody(new RegistryOperation[] { RegistryOperation.Revoke(2) }));
            council.SignBy(council.Registry, revoke, new int[] { 0, 1, 3, 4, 6, 7 });
            Assert.AreEqual(RejectionReason.None, device.Accept(revoke.Encode(), TestCouncil.Now).Reason);

            // Members 0 and 2 signed; 2 is revoked, so only one signature from one group counts.
            Order alert = council.Alert(1, "Skolan stängd", new int[] { 0, 2 });
            AcceptanceResult refused = device.Accept(alert.Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.PolicyNotMet, refused.Reason);
            Assert.AreEqual(1, refused.Check!.Counted);
            Assert.AreEqual(RejectionReason.None, device.Accept(council.Alert(2, "Skolan stängd", new int[] { 0, 3 }).Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void KeyOutsideItsTermCountsForNothing()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            // Rotate member 4 to a key valid only from tomorrow.
            byte[] newKey = council.Ed.CreatePrivateKey(TestCouncil.Seed("new", 4)).GetPublicKey();
            Order rotate = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 120, 600,
                new RegistryUpdateBody(new RegistryOperation[] { RegistryOperation.Rotate(4, newKey, TestCouncil.Now + 86400, CouncilMember.Forever) }));
            council.SignBy(council.Registry, rotate, new int[] { 0, 1, 2, 3, 5, 6 });
            Assert.AreEqual(RejectionReason.None, device.Accept(rotate.Encode(), TestCouncil.Now).Reason);
            // Member 4's old key no longer verifies: its signature is now simply wrong.
            Order alert = council.Alert(1, "Test", new int[] { 0, 4 });
            Assert.AreEqual(RejectionReason.SignatureInvalid, device.Accept(alert.Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void ExpiredOrderIsRefusedWithoutVerifying()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order alert = council.Alert(1, "Gammal varning", new int[] { 0, 2 });
            AcceptanceResult result = device.Accept(alert.Encode(), alert.Expires);
            Assert.AreEqual(RejectionReason.Expired, result.Reason);
            Assert.AreEqual(0, device.SignatureChecksRun);
        }

        [TestMethod]
        public void OrderFromTheFarFutureIsRefused()
        {
            TestCouncil council = new TestCouncil();
            Order alert = council.Alert(1, "Framtid", new int[] { 0, 2 });
            Assert.AreEqual(RejectionReason.NotYetValid, Device(council).Accept(alert.Encode(), alert.Created - OrderAcceptance.AllowedClockSkewSeconds - 1).Reason);
        }

        [TestMethod]
        public void ReplayIsRefused()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            byte[] alert = council.Alert(1, "Storm", new int[] { 0, 2 }).Encode();
            Assert.AreEqual(RejectionReason.None, device.Accept(alert, TestCouncil.Now).Reason);
            Assert.AreEqual(RejectionReason.Replay, device.Accept(alert, TestCouncil.Now + 5).Reason);
            // The same order re-signed by other members is still the same order.
            Assert.AreEqual(RejectionReason.Replay, device.Accept(council.Alert(1, "Storm", new int[] { 4, 6 }).Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void SequenceGoingBackwardsIsRefusedPerKind()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Assert.AreEqual(RejectionReason.None, device.Accept(council.Rules(8, 2, new int[] { 0, 2, 4 }).Encode(), TestCouncil.Now).Reason);
            AcceptanceResult stale = device.Accept(council.Rules(6, 5, new int[] { 0, 2, 4 }).Encode(), TestCouncil.Now);
            Assert.AreEqual(RejectionReason.StaleSequence, stale.Reason);
            Assert.AreEqual(2, device.CurrentRules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod, "stale rules change nothing");
            // An alert numbered below the rules is still news: sequences are compared per kind.
            Assert.AreEqual(RejectionReason.None, device.Accept(council.Alert(7, "Fortfarande storm", new int[] { 0, 2 }).Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void LaterDistributionRulesReplaceEarlierOnes()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Assert.AreEqual(RejectionReason.None, device.Accept(council.Rules(1, 1, new int[] { 0, 2, 4 }).Encode(), TestCouncil.Now).Reason);
            Assert.AreEqual(1, device.CurrentRules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
            Assert.AreEqual(RejectionReason.None, device.Accept(council.Rules(2, 3, new int[] { 1, 3, 5 }).Encode(), TestCouncil.Now).Reason);
            Assert.AreEqual(3, device.CurrentRules!.Find(ItemRule.FoodParcel)!.PerHouseholdPerPeriod);
        }

        [TestMethod]
        public void ForgedSignatureIsRefusedAndVerifiedOnlyOnce()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order alert = council.Alert(1, "Falskt larm", new int[] { 0, 2 });
            byte[] forged = alert.Encode();
            forged[forged.Length - 1] ^= 0x40;
            Assert.AreEqual(RejectionReason.SignatureInvalid, device.Accept(forged, TestCouncil.Now).Reason);
            Assert.AreEqual(RejectionReason.SignatureInvalid, device.Accept(forged, TestCouncil.Now).Reason);
            Assert.AreEqual(1, device.SignatureChecksRun, "the second copy used the remembered verdict");
            Assert.AreEqual(RejectionReason.None, device.Accept(alert.Encode(), TestCouncil.Now).Reason, "the genuine order still gets through");
        }

        [TestMethod]
        public void SignatureByUnknownMemberIsRefused()
        {
            TestCouncil council = new TestCouncil();
            Order alert = council.Alert(1, "Okänd", new int[] { 0, 2 });
            alert.SetSignature(9, alert.Signature(0)!);
            Assert.AreEqual(RejectionReason.UnknownSigner, Device(council).Accept(alert.Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void OrderOfAnotherCouncilDoesNotCount()
        {
            TestCouncil ours = new TestCouncil();
            // The same members with the same keys, in a council founded with another fund:
            // only the council id in the signed message differs.
            TestCouncil theirs = new TestCouncil("Storby samordningsråd", 5000000);
            Assert.AreEqual(TestHex.Encode(ours.Keys[0].GetPublicKey()), TestHex.Encode(theirs.Keys[0].GetPublicKey()));
            Order alert = theirs.Alert(1, "Fel kommun", new int[] { 0, 2 });
            Assert.AreEqual(RejectionReason.SignatureInvalid, Device(ours).Accept(alert.Encode(), TestCouncil.Now).Reason);
        }

        [TestMethod]
        public void ReserveNeedsAllFourGroupsAndStaysWithinTheAcuteReserve()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order threeGroups = new Order(OrderKind.ReserveActivation, 1, TestCouncil.Now - 60, 1440,
                new ReserveActivationBody(400000, TestCouncil.Now + 86400, "Bränsle till reservkraft"));
            council.SignBy(council.Registry, threeGroups, new int[] { 0, 2, 4, 5 });
            Assert.AreEqual(RejectionReason.PolicyNotMet, device.Accept(threeGroups.Encode(), TestCouncil.Now).Reason);

            Order fourGroups = new Order(OrderKind.ReserveActivation, 2, TestCouncil.Now - 60, 1440,
                new ReserveActivationBody(600000, TestCouncil.Now + 86400, "Bränsle till reservkraft"));
            council.SignBy(council.Registry, fourGroups, new int[] { 0, 2, 4, 6 });
            Assert.AreEqual(RejectionReason.None, device.Accept(fourGroups.Encode(), TestCouncil.Now).Reason);
            Assert.AreEqual(600000u, device.ReserveReleasedSek);

            // The acute reserve is a tenth of the 10 MSEK fund: 400 001 more is too much.
            Order tooMuch = new Order(OrderKind.ReserveActivation, 3, TestCouncil.Now - 60, 1440,
                new ReserveActivationBody(400001, TestCouncil.Now + 86400, "Mer bränsle"));
            council.SignBy(council.Registry, tooMuch, new int[] { 1, 3, 5, 7 });
            Assert.AreEqual(RejectionReason.ReserveExceeded, device.Accept(tooMuch.Encode(), TestCouncil.Now).Reason);
            Assert.AreEqual(600000u, device.ReserveReleasedSek);
        }

        [TestMethod]
        public void GenesisShortOfItsPolicyIsNotMet()
        {
            TestCouncil council = new TestCouncil();
            Order genesis = Order.Decode(council.Genesis.Encode());
            Order fiveSigners = new Order(OrderKind.Genesis, 0, genesis.Created, 0, genesis.Body);
            council.SignBy(council.Registry, fiveSigners, new int[] { 0, 2, 4, 6, 7 });
            Assert.AreEqual(RejectionReason.PolicyNotMet, council.Registry.Check(fiveSigners, council.Ed).Reason);
            council.SignBy(council.Registry, fiveSigners, new int[] { 1 });
            Assert.IsTrue(council.Registry.Check(fiveSigners, council.Ed).Met);
        }

        [TestMethod]
        public void RegistryUpdateNamingAMissingMemberChangesNothing()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order update = new Order(OrderKind.RegistryUpdate, 1, TestCouncil.Now - 60, 600,
                new RegistryUpdateBody(new RegistryOperation[] { RegistryOperation.Revoke(0), RegistryOperation.Revoke(20) }));
            council.SignBy(council.Registry, update, new int[] { 0, 1, 2, 3, 4, 6 });
            Assert.AreEqual(RejectionReason.InvalidRegistryUpdate, device.Accept(update.Encode(), TestCouncil.Now).Reason);
            Assert.IsFalse(device.Registry.Member(0).Revoked, "no operation of a refused update is applied");
        }

        [TestMethod]
        public void RegistryUpdatesReceivedOutOfOrderAreAppliedInOrder()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order first = new Order(OrderKind.RegistryUpdate, 3, TestCouncil.Now - 60, 600,
                new RegistryUpdateBody(0, new RegistryOperation[] { RegistryOperation.Revoke(7) }));
            council.SignBy(council.Registry, first, new int[] { 0, 1, 2, 3, 4, 6 });
            CouncilRegistry afterFirst = council.Registry.Apply((RegistryUpdateBody)first.Body, 3);
            Order second = new Order(OrderKind.RegistryUpdate, 5, TestCouncil.Now - 30, 600,
                new RegistryUpdateBody(3, new RegistryOperation[] { RegistryOperation.Revoke(5) }));
            council.SignBy(afterFirst, second, new int[] { 0, 1, 2, 3, 4, 6 });

            Assert.AreEqual(RejectionReason.AwaitingEarlierUpdate, device.Accept(second.Encode(), TestCouncil.Now).Reason);
            Assert.IsFalse(device.Registry.Member(5).Revoked, "not applied before its predecessor");
            Assert.AreEqual(RejectionReason.None, device.Accept(first.Encode(), TestCouncil.Now).Reason);
            Assert.IsTrue(device.Registry.Member(7).Revoked, "the first update, received late, is not lost");
            Assert.IsTrue(device.Registry.Member(5).Revoked, "the waiting update followed it");
            Assert.AreEqual(5, device.Registry.Sequence);
        }

        [TestMethod]
        public void RegistryUpdateBuiltOnAnOlderRegistryIsRefused()
        {
            TestCouncil council = new TestCouncil();
            OrderAcceptance device = Device(council);
            Order first = new Order(OrderKind.RegistryUpdate, 3, TestCouncil.Now - 60, 600,
                new RegistryUpdateBody(0, new RegistryOperation[] { RegistryOperation.Revoke(7) }));
            council.SignBy(council.Registry, first, new int[] { 0, 1, 2, 3, 4, 6 });
            Assert.AreEqual(RejectionReason.None, device.Accept(first.Encode(), TestCouncil.Now).Reason);
            Order rival = new Order(OrderKind.RegistryUpdate, 4, TestCouncil.Now - 30, 600,
                new RegistryUpdateBody(0, new RegistryOperation[] { RegistryOperation.Revoke(6) }));
            council.SignBy(device.Registry, rival, new int[] { 0, 1, 2, 3, 4, 6 });
            Assert.AreEqual(RejectionReason.InvalidRegistryUpdate, device.Accept(rival.Encode(), TestCouncil.Now).Reason);
            Assert.IsFalse(device.Registry.Member(6).Revoked);
        }
    }
}
