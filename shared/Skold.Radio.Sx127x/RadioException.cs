using System;

namespace Skold.Radio.Sx127x
{
    /// <summary>The radio does not answer or does not behave; the message says what to check.</summary>
    public class RadioException : Exception
    {
        public RadioException(string message)
            : base(message)
        {
        }
    }
}
