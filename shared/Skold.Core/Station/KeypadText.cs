namespace Skold.Station
{
    /// <summary>Number entry on the 4x4 keypad, the same on every screen that takes digits.</summary>
    public static class KeypadText
    {
        /// <summary>
        /// The entry after <paramref name="key"/>: a digit appends (while there are fewer than
        /// <paramref name="max"/>), * erases the last digit; null when the key edits nothing.
        /// </summary>
        public static string? Edited(string input, char key, int max)
        {
            if (key >= '0' && key <= '9')
            {
                return input.Length < max ? input + key : input;
            }
            if (key == '*' && input.Length > 0)
            {
                return input.Substring(0, input.Length - 1);
            }
            return null;
        }

        /// <summary>The value of a string of digits (the keypad gives nothing else).</summary>
        public static int ParseNumber(string digits)
        {
            int value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                value = value * 10 + (digits[i] - '0');
            }
            return value;
        }
    }
}
