using System;

namespace Skold.Codec
{
    /// <summary>Bytes that do not follow a Skold wire or file format. The message says where and why.</summary>
    public class MalformedDataException : Exception
    {
        public MalformedDataException(string message)
            : base(message)
        {
        }
    }
}
