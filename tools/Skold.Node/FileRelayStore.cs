using Skold.Mesh;

namespace Skold.Node;

/// <summary>
/// The relay's memory across restarts in two append-only files beside each other: seen frame
/// keys (8 bytes each) and held orders (2-byte length, then the order). A torn last entry (power
/// cut mid-append) is ignored when loading. Orders are read back from the file by position, as
/// the board reads its flash: the engine keeps only their ids in memory.
/// </summary>
public sealed class FileRelayStore(string path) : IRelayStore
{
    private List<(uint Id, long Position, int Length)>? _orders;

    private string SeenPath => path + ".seen";

    private string OrdersPath => path + ".orders";

    public void AppendSeen(long frameKey)
    {
        using var file = new FileStream(SeenPath, FileMode.Append, FileAccess.Write);
        file.Write(BitConverter.GetBytes(frameKey));
        file.Flush(true);
    }

    public void AppendOrder(uint messageId, byte[] message)
    {
        var orders = Orders();
        using var file = new FileStream(OrdersPath, FileMode.Append, FileAccess.Write);
        long position = file.Position + 2;
        file.Write([(byte)(message.Length >> 8), (byte)message.Length]);
        file.Write(message);
        file.Flush(true);
        orders.Add((messageId, position, message.Length));
    }

    public long[] LoadSeen(int maxCount)
    {
        if (!File.Exists(SeenPath))
        {
            return [];
        }
        byte[] bytes = File.ReadAllBytes(SeenPath);
        int count = bytes.Length / 8;
        return Enumerable.Range(Math.Max(0, count - maxCount), Math.Min(count, maxCount)).Select(i => BitConverter.ToInt64(bytes, i * 8)).ToArray();
    }

    public uint[] OrderIds() => Orders().Select(o => o.Id).ToArray();

    public int OrderLength(uint messageId) => Find(messageId)?.Length ?? 0;

    public bool ReadOrder(uint messageId, int at, byte[] buffer, int offset, int count)
    {
        if (Find(messageId) is not { } order || at < 0 || count < 0 || at + count > order.Length)
        {
            return false;
        }
        using var file = new FileStream(OrdersPath, FileMode.Open, FileAccess.Read);
        file.Position = order.Position + at;
        file.ReadExactly(buffer, offset, count);
        return true;
    }

    private (uint Id, long Position, int Length)? Find(uint messageId)
    {
        var orders = Orders();
        // Newest first: an order appended again is the copy that counts.
        for (int i = orders.Count - 1; i >= 0; i--)
        {
            if (orders[i].Id == messageId)
            {
                return orders[i];
            }
        }
        return null;
    }

    private List<(uint Id, long Position, int Length)> Orders()
    {
        if (_orders is not null)
        {
            return _orders;
        }
        _orders = [];
        if (!File.Exists(OrdersPath))
        {
            return _orders;
        }
        byte[] bytes = File.ReadAllBytes(OrdersPath);
        int end = 0;
        while (end + 2 <= bytes.Length)
        {
            int length = (bytes[end] << 8) | bytes[end + 1];
            if (length == 0 || end + 2 + length > bytes.Length)
            {
                break;
            }
            _orders.Add((Frame.MessageIdOf(bytes[(end + 2)..(end + 2 + length)]), end + 2, length));
            end += 2 + length;
        }
        if (end < bytes.Length)
        {
            // A torn last entry: cut it off, or the orders appended after it would be unreadable.
            using var file = new FileStream(OrdersPath, FileMode.Open, FileAccess.Write);
            file.SetLength(end);
        }
        return _orders;
    }
}

/// <summary>Timing jitter from the operating system's generator (the board uses its hardware RNG).</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : System.Security.Cryptography.RandomNumberGenerator.GetInt32(maxExclusive);
}
