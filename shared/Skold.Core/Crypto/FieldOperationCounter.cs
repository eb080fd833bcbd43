namespace Skold.Crypto
{
    /// <summary>
    /// Counts field multiplications and squarings, so the cost of an operation on a slow
    /// device can be estimated from a host run. One increment per operation is noise next to
    /// the hundred 64-bit products each one does. Not synchronised: read it single-threaded.
    /// </summary>
    public static class FieldOperationCounter
    {
        public static long Multiplications;
        public static long Squarings;

        public static void Reset()
        {
            Multiplications = 0;
            Squarings = 0;
        }
    }
}
