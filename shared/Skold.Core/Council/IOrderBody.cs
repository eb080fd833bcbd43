using Skold.Codec;

namespace Skold.Council
{
    /// <summary>The kind-specific part of a council document, between header and signatures.</summary>
    public interface IOrderBody
    {
        void Write(ByteWriter writer);
    }
}
