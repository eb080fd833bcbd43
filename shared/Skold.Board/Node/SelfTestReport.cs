namespace Skold.Board.Node
{
    /// <summary>The verdict of each self-test step, in the order they ran.</summary>
    public sealed class SelfTestReport
    {
        public const int MaxSteps = 8;

        private readonly string[] _names = new string[MaxSteps];
        private readonly int[] _verdicts = new int[MaxSteps];
        private readonly string[] _details = new string[MaxSteps];

        public int Count { get; private set; }

        /// <summary>True when no step failed.</summary>
        public bool Passed
        {
            get
            {
                for (int i = 0; i < Count; i++)
                {
                    if (_verdicts[i] == SelfTestVerdict.Fail)
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        public void Add(string name, int verdict, string detail)
        {
            _names[Count] = name;
            _verdicts[Count] = verdict;
            _details[Count] = detail;
            Count++;
        }

        public string Name(int i)
        {
            return _names[i];
        }

        public int Verdict(int i)
        {
            return _verdicts[i];
        }

        /// <summary>The verdict of a named step, or 0 when it did not run.</summary>
        public int VerdictOf(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_names[i] == name)
                {
                    return _verdicts[i];
                }
            }
            return 0;
        }

        public string Detail(int i)
        {
            return _details[i];
        }

        /// <summary>One line per step: "FAIL radio: no SX127x answers ...".</summary>
        public string Line(int i)
        {
            return SelfTestVerdict.Name(_verdicts[i]) + " " + _names[i] + ": " + _details[i];
        }

        public string Summary()
        {
            int failed = 0;
            for (int i = 0; i < Count; i++)
            {
                if (_verdicts[i] == SelfTestVerdict.Fail)
                {
                    failed++;
                }
            }
            return failed == 0 ? "self-test passed (" + Count + " steps)" : "self-test FAILED: " + failed + " of " + Count + " steps";
        }
    }
}
