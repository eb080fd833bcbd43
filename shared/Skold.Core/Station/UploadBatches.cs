namespace Skold.Station
{
    /// <summary>
    /// How a kiosk cuts its journal into uploads (docs/formats/sync.md): the ledger stores only
    /// records a checkpoint signs, so a batch ends just after a checkpoint.
    /// </summary>
    public static class UploadBatches
    {
        /// <summary>The ledger's limit on records per upload.</summary>
        public const int MaxRecords = 256;

        /// <summary>
        /// Where the batch starting at index `from` of kinds (record kinds in sequence order) ends,
        /// exclusive: after the last checkpoint within `size` records, or when there is none, after
        /// the next one within MaxRecords; failing both, after `size` records.
        /// </summary>
        public static int End(int[] kinds, int count, int from, int size)
        {
            int end = -1;
            for (int i = from; i < count && i - from < MaxRecords && (i - from < size || end < 0); i++)
            {
                if (kinds[i] == RecordKind.Checkpoint)
                {
                    end = i + 1;
                }
            }
            if (end >= 0)
            {
                return end;
            }
            return from + size < count ? from + size : count;
        }
    }
}
