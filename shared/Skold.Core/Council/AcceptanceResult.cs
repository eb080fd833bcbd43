namespace Skold.Council
{
    /// <summary>What OrderAcceptance decided about one received document, and why.</summary>
    public sealed class AcceptanceResult
    {
        internal AcceptanceResult(int reason, Order? order, PolicyCheck? check, string detail)
        {
            Reason = reason;
            Order = order;
            Check = check;
            Detail = detail;
        }

        /// <summary>RejectionReason.None when accepted.</summary>
        public int Reason { get; }

        public bool Accepted
        {
            get { return Reason == RejectionReason.None; }
        }

        /// <summary>The decoded order, or null when it did not decode.</summary>
        public Order? Order { get; }

        /// <summary>The signature and policy check, when one ran (or was remembered).</summary>
        public PolicyCheck? Check { get; }

        public string Detail { get; }

        public override string ToString()
        {
            return RejectionReason.Describe(Reason) + (Detail.Length > 0 ? " (" + Detail + ")" : "");
        }
    }
}
