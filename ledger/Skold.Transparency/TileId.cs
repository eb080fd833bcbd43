using System.Globalization;
using System.Text;

namespace Skold.Transparency;

/// <summary>
/// Names one C2SP tlog-tiles resource (https://c2sp.org/tlog-tiles, "Merkle Tree" and "Log
/// entries"): a hash tile <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or an entry bundle
/// <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>. Tile N at level L holds, for i below its width,
/// MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L]) — the tree's stored hash at tree level 8L,
/// index N·256 + i. Entry bundle N holds the entries under level-0 tile N.
/// </summary>
public readonly struct TileId : IEquatable<TileId>
{
    /// <summary>Hashes in a full tile, entries in a full bundle.</summary>
    public const int FullWidth = 256;

    /// <summary>Tree levels one tile level spans: 256 = 2^8.</summary>
    public const int HeightBits = 8;

    /// <summary>The highest tile level a path may name.</summary>
    public const int MaxLevel = 63;

    private TileId(bool isEntryBundle, int level, long index, int width)
    {
        IsEntryBundle = isEntryBundle;
        Level = level;
        Index = index;
        Width = width;
    }

    /// <summary>True for an entry bundle (then <see cref="Level"/> is 0: it covers the leaves of level-0 tile <see cref="Index"/>).</summary>
    public bool IsEntryBundle { get; }

    /// <summary>Tile level L, 0..63.</summary>
    public int Level { get; }

    /// <summary>Tile index N within the level.</summary>
    public long Index { get; }

    /// <summary>Number of hashes (or entries), 1..256; below 256 the resource is partial.</summary>
    public int Width { get; }

    /// <summary>True when the path carries a <c>.p/&lt;W&gt;</c> suffix.</summary>
    public bool IsPartial => Width < FullWidth;

    /// <summary>A hash tile.</summary>
    public static TileId Hashes(int level, long index, int width = FullWidth)
    {
        if (level < 0 || level > MaxLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"A tile level is between 0 and {MaxLevel}.");
        }
        Check(index, width);
        return new TileId(false, level, index, width);
    }

    /// <summary>An entry bundle.</summary>
    public static TileId Entries(long index, int width = FullWidth)
    {
        Check(index, width);
        return new TileId(true, 0, index, width);
    }

    /// <summary>The resource path below the log's prefix, e.g. <c>tile/0/x001/x234/067.p/8</c>.</summary>
    public string ToPath()
    {
        StringBuilder path = new StringBuilder("tile/");
        path.Append(IsEntryBundle ? "entries" : Level.ToString(CultureInfo.InvariantCulture));
        path.Append('/').Append(EncodeIndex(Index));
        if (IsPartial)
        {
            path.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
        }
        return path.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToPath();

    /// <summary>
    /// N as zero-padded 3-digit path elements, all but the last prefixed with <c>x</c>:
    /// 1234067 becomes <c>x001/x234/067</c>, 5 becomes <c>005</c>.
    /// </summary>
    public static string EncodeIndex(long index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A tile index is not negative.");
        }
        string digits = index.ToString(CultureInfo.InvariantCulture);
        int groups = (digits.Length + 2) / 3;
        digits = digits.PadLeft(groups * 3, '0');
        StringBuilder path = new StringBuilder(groups * 5);
        for (int g = 0; g < groups; g++)
        {
            if (g > 0)
            {
                path.Append('/');
            }
            if (g < groups - 1)
            {
                path.Append('x');
            }
            path.Append(digits, g * 3, 3);
        }
        return path.ToString();
    }

    /// <summary>
    /// Parses a tile or entry-bundle path (without the prefix). Only the one canonical spelling
    /// of each resource is accepted — no leading zeros in L or W, no leading <c>x000</c> group,
    /// no <c>.p/256</c> — so a cache or a filesystem never holds one tile under two names.
    /// </summary>
    /// <exception cref="FormatException">The path is not a canonical tile path; the message says why.</exception>
    public static TileId ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            throw new FormatException($"'{path}' is not a tile path: it must start with 'tile/<L>/' or 'tile/entries/'.");
        }
        bool entries = parts[1] == "entries";
        int level = 0;
        if (!entries && !TryParseSmallDecimal(parts[1], MaxLevel, out level))
        {
            throw new FormatException($"'{path}': the tile level '{parts[1]}' must be 'entries' or a decimal 0..{MaxLevel} without leading zeros.");
        }

        int last = parts.Length - 1;
        int width = FullWidth;
        if (parts.Length >= 4 && parts[last - 1].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmallDecimal(parts[last], FullWidth - 1, out width) || width == 0)
            {
                throw new FormatException($"'{path}': a partial width '{parts[last]}' must be a decimal 1..255 without leading zeros.");
            }
            parts[last - 1] = parts[last - 1].Substring(0, parts[last - 1].Length - 2);
            last--;
        }

        long index = 0;
        for (int p = 2; p <= last; p++)
        {
            string element = parts[p];
            bool final = p == last;
            string digits = final ? element : (element.Length == 4 && element[0] == 'x' ? element.Substring(1) : "");
            if (digits.Length != 3 || !IsAsciiDigits(digits))
            {
                throw new FormatException(final
                    ? $"'{path}': the last index element '{element}' must be exactly three digits."
                    : $"'{path}': index element '{element}' must be 'x' and three digits.");
            }
            if (p == 2 && !final && digits == "000")
            {
                throw new FormatException($"'{path}': the index must not start with a zero group 'x000'.");
            }
            try
            {
                index = checked(index * 1000 + int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
            }
            catch (OverflowException)
            {
                throw new FormatException($"'{path}': the tile index is too large.");
            }
        }
        return entries ? Entries(index, width) : Hashes(level, index, width);
    }

    /// <summary>Like <see cref="ParsePath"/>, returning false instead of throwing.</summary>
    public static bool TryParsePath(string path, out TileId tile)
    {
        try
        {
            tile = ParsePath(path);
            return true;
        }
        catch (FormatException)
        {
            tile = default;
            return false;
        }
    }

    /// <summary>
    /// The hash tiles at one level that represent a tree of treeSize leaves: floor(s / 256^(L+1))
    /// full tiles, then a partial tile of width floor(s / 256^L) mod 256 when that is not zero.
    /// </summary>
    public static IEnumerable<TileId> ForTreeSize(long treeSize, int level)
    {
        if (treeSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, "A tree size is not negative.");
        }
        if (level < 0 || level > MaxLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"A tile level is between 0 and {MaxLevel}.");
        }
        return Enumerate(treeSize, level, false);
    }

    /// <summary>Every hash tile, level by level, that represents a tree of treeSize leaves.</summary>
    public static IEnumerable<TileId> ForTreeSize(long treeSize)
    {
        if (treeSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, "A tree size is not negative.");
        }
        for (int level = 0; level * HeightBits < 63 && (treeSize >> (level * HeightBits)) > 0; level++)
        {
            foreach (TileId tile in Enumerate(treeSize, level, false))
            {
                yield return tile;
            }
        }
    }

    /// <summary>The entry bundles holding the entries of a tree of treeSize leaves, in order.</summary>
    public static IEnumerable<TileId> EntryBundlesForTreeSize(long treeSize)
    {
        if (treeSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, "A tree size is not negative.");
        }
        return Enumerate(treeSize, 0, true);
    }

    private static IEnumerable<TileId> Enumerate(long treeSize, int level, bool entries)
    {
        int shift = level * HeightBits;
        long hashes = shift >= 63 ? 0 : treeSize >> shift;
        long full = hashes / FullWidth;
        for (long n = 0; n < full; n++)
        {
            yield return entries ? Entries(n) : Hashes(level, n);
        }
        int width = (int)(hashes % FullWidth);
        if (width > 0)
        {
            yield return entries ? Entries(full, width) : Hashes(level, full, width);
        }
    }

    private static void Check(long index, int width)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A tile index is not negative.");
        }
        if (width < 1 || width > FullWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"A tile width is between 1 and {FullWidth}.");
        }
    }

    private static bool TryParseSmallDecimal(string text, int max, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 3 || !IsAsciiDigits(text) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= max;
    }

    private static bool IsAsciiDigits(string text)
    {
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(TileId other) =>
        IsEntryBundle == other.IsEntryBundle && Level == other.Level && Index == other.Index && Width == other.Width;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TileId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsEntryBundle, Level, Index, Width);

    /// <summary>Same resource.</summary>
    public static bool operator ==(TileId left, TileId right) => left.Equals(right);

    /// <summary>Different resources.</summary>
    public static bool operator !=(TileId left, TileId right) => !left.Equals(right);
}
