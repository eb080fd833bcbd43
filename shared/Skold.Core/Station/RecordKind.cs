namespace Skold.Station
{
    /// <summary>What a journal record says happened. Values are on flash: never renumber.</summary>
    public static class RecordKind
    {
        public const int Opened = 1;
        public const int Login = 2;
        public const int Logout = 3;
        public const int StockReceived = 4;
        public const int HandOut = 5;
        public const int Returned = 6;
        public const int Exception = 7;
        public const int Undo = 8;
        public const int StockCorrection = 9;
        public const int OrderApplied = 10;
        public const int Checkpoint = 11;
        public const int ClockSet = 12;

        public static bool IsKnown(int kind)
        {
            return kind >= Opened && kind <= ClockSet;
        }

        public static string Name(int kind)
        {
            switch (kind)
            {
                case Opened:
                    return "opened";
                case Login:
                    return "login";
                case Logout:
                    return "logout";
                case StockReceived:
                    return "stock-received";
                case HandOut:
                    return "hand-out";
                case Returned:
                    return "returned";
                case Exception:
                    return "exception";
                case Undo:
                    return "undo";
                case StockCorrection:
                    return "stock-correction";
                case OrderApplied:
                    return "order-applied";
                case Checkpoint:
                    return "checkpoint";
                case ClockSet:
                    return "clock-set";
                default:
                    return "kind-" + kind;
            }
        }
    }
}
