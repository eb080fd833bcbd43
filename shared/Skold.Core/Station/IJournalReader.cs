namespace Skold.Station
{
    /// <summary>Receives every committed record, in order, while a journal is scanned at boot.</summary>
    public interface IJournalReader
    {
        void Read(JournalRecord journalRecord);
    }
}
