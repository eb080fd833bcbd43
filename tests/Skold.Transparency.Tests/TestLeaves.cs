namespace Skold.Transparency.Tests;

internal static class TestLeaves
{
    /// <summary>
    /// The eight leaves of the RFC 6962 test tree used by certificate-transparency and by the
    /// transparency-dev/merkle testdata (its size-8 root is 5dc9da79…4328).
    /// </summary>
    public static readonly byte[][] Rfc6962 =
    [
        [],
        [0x00],
        [0x10],
        [0x20, 0x21],
        [0x30, 0x31],
        [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    /// <summary>Distinct leaf data for index i (its 8 bytes, big-endian).</summary>
    public static byte[] Numbered(long i)
    {
        byte[] data = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(data, i);
        return data;
    }
}
