using System.Globalization;
using System.Text;
using Skold.Council;
using Skold.Station;

namespace Skold.Ledger.Log;

/// <summary>
/// One entry of the public log before it has an index: a line of UTF-8 text a citizen can read,
/// with the station, what moved, the time rounded down to the hour and a public pseudonym that
/// only the ledger can compute from a household (docs/formats/ledger-log.md).
/// </summary>
public sealed record PendingLeaf(byte[] Data, int? Station, long? Sequence, byte[]? OrderId)
{
    public const string Prefix = "skold-ledger-v1";

    public static PendingLeaf ForRecord(int station, JournalRecord record, Func<byte[], string> publicPseudonym)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Prefix} record station={station} seq={record.Sequence} kind={RecordKind.Name(record.Kind)} hour={Hour(record.Time)}");
        if (record.IsMovement || record.Kind is RecordKind.StockReceived or RecordKind.StockCorrection)
        {
            text.Append(CultureInfo.InvariantCulture, $" item={record.Item} qty={record.Quantity}");
        }
        if (record.IsMovement)
        {
            text.Append(" who=").Append(publicPseudonym(record.Household));
        }
        if (record.Kind == RecordKind.Exception)
        {
            text.Append(" vouched-by=").Append(publicPseudonym(record.Neighbour1)).Append(',').Append(publicPseudonym(record.Neighbour2));
        }
        if (record.Kind == RecordKind.Undo)
        {
            text.Append(CultureInfo.InvariantCulture, $" undoes={record.Target}");
        }
        if (record.Kind == RecordKind.OrderApplied)
        {
            text.Append(CultureInfo.InvariantCulture, $" order-kind={OrderKind.Name(record.Code)} order-seq={record.Target}");
        }
        if (record.Kind == RecordKind.ClockSet)
        {
            // The station's clock jumped here, set by hand after a power cut: say so, and where from.
            text.Append(" source=keypad clock-before=").Append(record.Target == 0 ? "lost" : Hour(record.Target));
        }
        return new PendingLeaf(Encoding.UTF8.GetBytes(text.ToString()), station, (long)record.Sequence, null);
    }

    public static PendingLeaf ForOrder(Order order)
    {
        byte[] id = order.ComputeId();
        string text = $"{Prefix} order kind={OrderKind.Name(order.Kind)} seq={order.Sequence} id={Convert.ToHexString(id).ToLowerInvariant()} " +
            $"created={Iso(order.Created)} encoded={Convert.ToBase64String(order.Encode())}";
        return new PendingLeaf(Encoding.UTF8.GetBytes(text), null, null, id);
    }

    public static string Hour(uint time) =>
        DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time - time % 3600)).ToString("yyyy-MM-dd'T'HH'Z'", CultureInfo.InvariantCulture);

    private static string Iso(uint time) =>
        DateTimeOffset.FromUnixTimeSeconds(SkoldTime.ToUnixSeconds(time)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
