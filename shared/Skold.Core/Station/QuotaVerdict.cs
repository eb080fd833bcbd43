namespace Skold.Station
{
    /// <summary>The answer to "may this household have this now?", as a code the kiosk turns into words.</summary>
    public static class QuotaVerdict
    {
        public const int Allowed = 0;
        public const int NoRules = 1;
        public const int RulesNotYetValid = 2;
        public const int RulesExpired = 3;
        public const int NotRationed = 4;
        public const int OutOfStock = 5;
        public const int OverQuota = 6;
        public const int TooManyOut = 7;
        public const int NoExceptionsLeft = 8;
        public const int SameHousehold = 9;
        public const int NeighbourVouchedTooOften = 10;

        /// <summary>Refusals a neighbour-verified exception may lift.</summary>
        public static bool ExceptionMayHelp(int verdict)
        {
            return verdict == OverQuota || verdict == TooManyOut;
        }
    }
}
