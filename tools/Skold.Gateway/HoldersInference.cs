using Skold;
using Skold.Crypto;

namespace Skold.Gateway;

/// <summary>
/// Which orders a node holds, read from its beacon: the beacon carries how many orders the node
/// holds and a digest of their message ids (first 4 bytes of SHA-256 over the ids sorted
/// ascending, u32 little-endian each; Mesh.HeldOrders.Digest). The digest cannot be inverted, so
/// the gateway tries sets it can name: the orders it knows (sent or heard) that were unexpired
/// when the beacon was heard, and that set with any one or two of them left out (the newest not
/// arrived yet, an older one missed or pushed out), keeping only sets of the beacon's size.
/// A match says the node holds exactly that set; no match says the node holds something the
/// gateway never saw, or lacks more than two of the known ones: then nothing is claimed.
/// Two different sets share a 32-bit digest with odds of about one in four billion per try.
/// </summary>
public static class HoldersInference
{
    /// <summary>How many of the known unexpired orders a tried set may leave out.</summary>
    public const int MaxLeftOut = 2;

    /// <summary>
    /// The set of message ids whose digest is the beacon's, among the candidates (ids known and
    /// unexpired when the beacon was sent); null when no tried set matches.
    /// </summary>
    public static uint[]? Match(uint digest, int heldCount, IReadOnlyList<uint> candidates)
    {
        uint[] all = candidates.Distinct().Order().ToArray();
        int leave = all.Length - heldCount;
        if (leave < 0 || leave > MaxLeftOut)
        {
            return heldCount == 0 && Digest([]) == digest ? [] : null;
        }
        if (leave == 0)
        {
            return Digest(all) == digest ? all : null;
        }
        if (leave == 1)
        {
            for (int i = 0; i < all.Length; i++)
            {
                uint[] set = Without(all, i, -1);
                if (Digest(set) == digest)
                {
                    return set;
                }
            }
            return null;
        }
        for (int i = 0; i < all.Length; i++)
        {
            for (int j = i + 1; j < all.Length; j++)
            {
                uint[] set = Without(all, i, j);
                if (Digest(set) == digest)
                {
                    return set;
                }
            }
        }
        return null;
    }

    /// <summary>The digest a node holding exactly these ids sends in its beacon.</summary>
    public static uint Digest(IEnumerable<uint> ids)
    {
        uint[] sorted = ids.Order().ToArray();
        byte[] bytes = new byte[sorted.Length * 4];
        for (int i = 0; i < sorted.Length; i++)
        {
            Bytes.WriteUInt32LittleEndian(bytes, 4 * i, sorted[i]);
        }
        return Bytes.ReadUInt32LittleEndian(Sha256.Hash(bytes), 0);
    }

    private static uint[] Without(uint[] all, int a, int b)
    {
        var set = new List<uint>(all.Length);
        for (int k = 0; k < all.Length; k++)
        {
            if (k != a && k != b)
            {
                set.Add(all[k]);
            }
        }
        return [.. set];
    }
}
