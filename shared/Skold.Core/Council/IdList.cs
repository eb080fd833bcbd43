using Skold.Codec;

namespace Skold.Council
{
    /// <summary>A list of station, area or team numbers: varint count, then strictly increasing varints.</summary>
    internal static class IdList
    {
        public const int MaxCount = 64;

        public static void Write(ByteWriter writer, int[] ids)
        {
            writer.WriteVarUInt((uint)ids.Length);
            for (int i = 0; i < ids.Length; i++)
            {
                writer.WriteVarUInt((uint)ids[i]);
            }
        }

        public static int[] Read(ByteReader reader, string field)
        {
            int count = reader.ReadVarInt(field + " count", 0, MaxCount);
            int[] ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                ids[i] = reader.ReadVarInt(field, 0, 65535);
                if (i > 0 && ids[i] <= ids[i - 1])
                {
                    throw new MalformedDataException(field + ": numbers must be listed once each, in increasing order");
                }
            }
            return ids;
        }

        /// <summary>True when ids is a valid list: at most MaxCount, each 0..65535, strictly increasing.</summary>
        public static bool IsValid(int[] ids)
        {
            if (ids == null || ids.Length > MaxCount)
            {
                return false;
            }
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] < 0 || ids[i] > 65535 || (i > 0 && ids[i] <= ids[i - 1]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
