using System.Security.Cryptography;

namespace Skold.Transparency.Tests;

/// <summary>
/// RFC 9162 section 2.1 taken literally — MTH, PATH and PROOF/SUBPROOF as recursive definitions
/// over the list of entries — so the tree's O(log n) shortcuts have an obviously-right reference.
/// Written from the RFC text only; shares nothing with the library.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        int n = d.Count;
        if (n == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }
        if (n == 1)
        {
            return SHA256.HashData([0x00, .. d[0]]);
        }
        int k = K(n);
        return SHA256.HashData([0x01, .. Mth(Slice(d, 0, k)), .. Mth(Slice(d, k, n))]);
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        int n = d.Count;
        if (n == 1)
        {
            return new List<byte[]>();
        }
        int k = K(n);
        List<byte[]> result;
        if (m < k)
        {
            result = Path(m, Slice(d, 0, k));
            result.Add(Mth(Slice(d, k, n)));
        }
        else
        {
            result = Path(m - k, Slice(d, k, n));
            result.Add(Mth(Slice(d, 0, k)));
        }
        return result;
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => Subproof(m, d, true);

    private static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        int n = d.Count;
        if (m == n)
        {
            return b ? new List<byte[]>() : new List<byte[]> { Mth(d) };
        }
        int k = K(n);
        List<byte[]> result;
        if (m <= k)
        {
            result = Subproof(m, Slice(d, 0, k), b);
            result.Add(Mth(Slice(d, k, n)));
        }
        else
        {
            result = Subproof(m - k, Slice(d, k, n), false);
            result.Add(Mth(Slice(d, 0, k)));
        }
        return result;
    }

    // The largest power of two smaller than n.
    private static int K(int n)
    {
        int k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }

    private static List<byte[]> Slice(IReadOnlyList<byte[]> d, int from, int to)
    {
        List<byte[]> s = new List<byte[]>(to - from);
        for (int i = from; i < to; i++)
        {
            s.Add(d[i]);
        }
        return s;
    }
}
