namespace Skold.Board.Node
{
    public static class SelfTestVerdict
    {
        public const int Pass = 1;
        public const int Fail = 2;

        /// <summary>Not on this board (no button, no battery pin).</summary>
        public const int Skipped = 3;

        /// <summary>Only a person can judge it (the LED blinked: did you see it?).</summary>
        public const int Look = 4;

        public static string Name(int verdict)
        {
            switch (verdict)
            {
                case Pass:
                    return "PASS";
                case Fail:
                    return "FAIL";
                case Skipped:
                    return "SKIP";
                default:
                    return "LOOK";
            }
        }
    }
}
