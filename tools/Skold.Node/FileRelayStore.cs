using Skold.Mesh;

namespace Skold.Node;

/// <summary>
/// The relay's memory across restarts in two append-only files beside each other: seen frame
/// keys (8 bytes each) and held orders (2-byte length, then the order). A torn last entry (power
/// cut mid-append) is ignored when loading.
/// </summary>
public sealed class FileRelayStore(string path) : IRelayStore
{
    private string SeenPath => path + ".seen";

    private string OrdersPath => path + ".orders";

    public void AppendSeen(long frameKey)
    {
        using var file = new FileStream(SeenPath, FileMode.Append, FileAccess.Write);
        file.Write(BitConverter.GetBytes(frameKey));
        file.Flush(true);
    }

    public void AppendOrder(byte[] message)
    {
        using var file = new FileStream(OrdersPath, FileMode.Append, FileAccess.Write);
        file.Write([(byte)(message.Length >> 8), (byte)message.Length]);
        file.Write(message);
        file.Flush(true);
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

    public byte[][] LoadOrders()
    {
        if (!File.Exists(OrdersPath))
        {
            return [];
        }
        byte[] bytes = File.ReadAllBytes(OrdersPath);
        var orders = new List<byte[]>();
        for (int at = 0; at + 2 <= bytes.Length;)
        {
            int length = (bytes[at] << 8) | bytes[at + 1];
            if (at + 2 + length > bytes.Length)
            {
                break;
            }
            orders.Add(bytes[(at + 2)..(at + 2 + length)]);
            at += 2 + length;
        }
        return [.. orders];
    }
}

/// <summary>Timing jitter from the operating system's generator (the board uses its hardware RNG).</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : System.Security.Cryptography.RandomNumberGenerator.GetInt32(maxExclusive);
}
