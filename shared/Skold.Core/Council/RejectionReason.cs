namespace Skold.Council
{
    /// <summary>
    /// Why a device refused a council document. The numbers are stable: technicians look them
    /// up in docs/formats/order.md, and devices report them in logs and on screens.
    /// </summary>
    public static class RejectionReason
    {
        public const int None = 0;
        public const int Malformed = 1;
        public const int Expired = 2;
        public const int NotYetValid = 3;
        public const int Replay = 4;
        public const int StaleSequence = 5;
        public const int UnknownSigner = 6;
        public const int SignatureInvalid = 7;
        public const int PolicyNotMet = 8;
        public const int ReserveExceeded = 9;
        public const int InvalidRegistryUpdate = 10;
        public const int NotAnOrder = 11;
        public const int AwaitingEarlierUpdate = 12;

        private static readonly string[] Texts =
        {
            "accepted",
            "malformed: the bytes are not a council order",
            "expired: the order's lifetime is over",
            "not yet valid: created further in the future than clocks can drift",
            "replay: this order was already accepted",
            "stale: a newer order of the same kind was already accepted",
            "unknown signer: a signature names a member the registry does not have",
            "invalid signature: a signature does not verify (forged or damaged)",
            "policy not met: too few valid members or groups signed",
            "reserve exceeded: more than the acute reserve has left",
            "invalid registry update: the change does not apply to this registry",
            "not an order: a genesis registry is provisioned, not received",
            "waiting: this registry update follows one not received yet; kept and applied when it comes",
        };

        public static string Describe(int reason)
        {
            return reason >= 0 && reason < Texts.Length ? "R" + reason + " " + Texts[reason] : "R" + reason + " unknown reason";
        }
    }
}
