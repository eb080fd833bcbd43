using Skold.Crypto;
using Skold.Station;

namespace Skold.Cli.Demo;

/// <summary>
/// Someone with the journal file but not the station key: raises one hand-out's quantity and,
/// to hide it, rewrites every later record's link and every entry's CRC (docs/formats/journal.md).
/// Only the checkpoints' signatures, which need the key, still tell.
/// </summary>
public static class JournalTamper
{
    private const int QuantityOffset = 31;
    private const int LinkOffset = 10;

    /// <summary>Changes the quantity of the hand-out that is record <paramref name="sequence"/> (or the next hand-out after it); returns its sequence.</summary>
    public static uint RaiseHandOut(string path, uint sequence, int newQuantity)
    {
        byte[] file = File.ReadAllBytes(path);
        var sha = new Sha256();
        byte[] head = new byte[32];
        uint changed = 0;
        uint number = 0;
        foreach (var (position, length) in LiveEntries(file))
        {
            int body = position + 2;
            number++;
            if (changed != 0)
            {
                Array.Copy(head, 0, file, body + LinkOffset, JournalRecord.LinkSize);
            }
            else if (number >= sequence && file[body] == RecordKind.HandOut)
            {
                file[body + QuantityOffset] = (byte)newQuantity;
                changed = number;
            }
            uint crc = JournalScan.EntryCrc(file[position..(body + length)], length);
            Bytes.WriteUInt32LittleEndian(file, body + length, crc);
            head = JournalScan.NextHead(sha, head, file, body, length);
        }
        if (changed == 0)
        {
            throw new InvalidOperationException($"{path} has no hand-out at or after record {sequence}");
        }
        File.WriteAllBytes(path, file);
        return changed;
    }

    /// <summary>Every record body in the file as it stands, checked by nothing: what a kiosk with altered firmware would upload.</summary>
    public static List<byte[]> RawBodies(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        return LiveEntries(file).Select(e => file[(e.Position + 2)..(e.Position + 2 + e.Length)]).ToList();
    }

    // The live entries up to the erased end, as (offset, body length); torn and discarded entries are stepped over.
    private static IEnumerable<(int Position, int Length)> LiveEntries(byte[] file)
    {
        int position = 0;
        while (position < file.Length && file[position] != JournalScan.Erased)
        {
            int length = file[position];
            bool live = length <= JournalScan.MaxBody && file[position + 1] == JournalScan.Live;
            if (live)
            {
                yield return (position, length);
            }
            position += length > JournalScan.MaxBody ? JournalScan.TornLengthStubSize : length + JournalScan.EntryOverhead;
        }
    }
}
