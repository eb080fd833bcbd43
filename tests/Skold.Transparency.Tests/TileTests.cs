namespace Skold.Transparency.Tests;

[TestClass]
public sealed class TileTests
{
    [TestMethod]
    public void IndexEncodingOfTheSpecification()
    {
        // c2sp.org/tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
        Assert.AreEqual("x001/x234/067", TileId.EncodeIndex(1234067));
        Assert.AreEqual("000", TileId.EncodeIndex(0));
        Assert.AreEqual("005", TileId.EncodeIndex(5));
        Assert.AreEqual("999", TileId.EncodeIndex(999));
        Assert.AreEqual("x001/000", TileId.EncodeIndex(1000));
        Assert.AreEqual("x009/x223/x372/x036/x854/x775/807", TileId.EncodeIndex(long.MaxValue));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TileId.EncodeIndex(-1));
    }

    [TestMethod]
    public void PathsRoundTrip()
    {
        (TileId Tile, string Path)[] cases =
        [
            (TileId.Hashes(0, 1234067), "tile/0/x001/x234/067"),
            (TileId.Hashes(0, 1234067, 8), "tile/0/x001/x234/067.p/8"),
            (TileId.Hashes(1, 0), "tile/1/000"),
            (TileId.Hashes(2, 0, 1), "tile/2/000.p/1"),
            (TileId.Hashes(63, 1000, 255), "tile/63/x001/000.p/255"),
            (TileId.Entries(0), "tile/entries/000"),
            (TileId.Entries(273, 112), "tile/entries/273.p/112"),
            (TileId.Entries(long.MaxValue), "tile/entries/x009/x223/x372/x036/x854/x775/807"),
        ];
        foreach ((TileId tile, string path) in cases)
        {
            Assert.AreEqual(path, tile.ToPath());
            Assert.AreEqual(path, tile.ToString());
            Assert.AreEqual(tile, TileId.ParsePath(path), path);
            Assert.IsTrue(TileId.TryParsePath(path, out TileId parsed));
            Assert.AreEqual(tile, parsed);
        }
        Assert.IsTrue(TileId.Hashes(0, 5, 8).IsPartial);
        Assert.IsFalse(TileId.Hashes(0, 5).IsPartial);
        Assert.IsTrue(TileId.Entries(5).IsEntryBundle);
        Assert.AreNotEqual(TileId.Entries(5), TileId.Hashes(0, 5));
    }

    [TestMethod]
    public void RefusesNonCanonicalPaths()
    {
        string[] bad =
        [
            "",
            "tile",
            "tile/0",
            "tile/0/",
            "/tile/0/000",
            "tiles/0/000",
            "tile/00/000",           // leading zero in the level
            "tile/01/000",
            "tile/64/000",           // level above 63
            "tile/-1/000",
            "tile/x/000",
            "tile/0/0",              // not three digits
            "tile/0/0000",
            "tile/0/00a",
            "tile/0/x000/067",       // a leading zero group
            "tile/0/001/067",        // missing x
            "tile/0/x001/x067",      // x on the last element
            "tile/0/y001/067",
            "tile/0/x01/067",
            "tile/0/067/",
            "tile/0/067.p/0",        // width 0
            "tile/0/067.p/256",      // a full tile is not partial
            "tile/0/067.p/08",       // leading zero in the width
            "tile/0/067.p/",
            "tile/0/067.p",
            "tile/0/067.p/8/9",
            "tile/0/067.q/8",
            "tile/0/067p/8",
            "tile/entries/x000/001",
            "tile/entries/067.p/256",
            "tile/entries/",
            "tile/0/x010/x000/x000/x000/x000/x000/x000/000", // overflow
            "tile/0/\u0661\u0662\u0663",                      // non-ASCII digits
        ];
        foreach (string path in bad)
        {
            Assert.ThrowsExactly<FormatException>(() => TileId.ParsePath(path), path);
            Assert.IsFalse(TileId.TryParsePath(path, out _), path);
        }
    }

    [TestMethod]
    public void TilesOfTheSpecificationExamples()
    {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
        // tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
        // partial level 2 tile of width 1."
        List<TileId> tiles = TileId.ForTreeSize(70_000).ToList();
        Assert.AreEqual(273, tiles.Count(t => t.Level == 0 && !t.IsPartial));
        CollectionAssert.AreEqual(new[] { TileId.Hashes(0, 273, 112) }, tiles.Where(t => t.Level == 0 && t.IsPartial).ToArray());
        CollectionAssert.AreEqual(new[] { TileId.Hashes(1, 0), TileId.Hashes(1, 1, 17) }, tiles.Where(t => t.Level == 1).ToArray());
        CollectionAssert.AreEqual(new[] { TileId.Hashes(2, 0, 1) }, tiles.Where(t => t.Level == 2).ToArray());
        Assert.HasCount(277, tiles);
        CollectionAssert.AreEqual(Enumerable.Range(0, 273).Select(n => TileId.Hashes(0, n)).ToArray(), tiles.Take(273).ToArray());

        // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1."
        CollectionAssert.AreEqual(new[] { TileId.Hashes(0, 0), TileId.Hashes(1, 0, 1) }, TileId.ForTreeSize(256).ToArray());

        Assert.IsEmpty(TileId.ForTreeSize(0).ToList());
        CollectionAssert.AreEqual(new[] { TileId.Hashes(0, 0, 1) }, TileId.ForTreeSize(1).ToArray());
        CollectionAssert.AreEqual(new[] { TileId.Entries(0), TileId.Entries(1, 1) }, TileId.EntryBundlesForTreeSize(257).ToArray());
        CollectionAssert.AreEqual(new[] { TileId.Hashes(1, 0, 1) }, TileId.ForTreeSize(256, 1).ToArray());
        Assert.IsEmpty(TileId.ForTreeSize(65535, 2).ToList());
        // The top of the largest tree: level 7 holds 2^63 >> 56 = 127 hashes, and there is no level 8.
        CollectionAssert.AreEqual(new[] { TileId.Hashes(7, 0, 127) }, TileId.ForTreeSize(long.MaxValue, 7).ToArray());
        Assert.IsEmpty(TileId.ForTreeSize(long.MaxValue, 8).ToList());
    }

    [TestMethod]
    public void TileContentsAreTheSubtreeHashes()
    {
        const int size = 70_000;
        MerkleTree tree = new MerkleTree();
        List<byte[]> entries = new List<byte[]>();
        for (int i = 0; i < size; i++)
        {
            // Entries of varied length (0..299 bytes), distinct where they are long enough to hold i.
            byte[] entry = new byte[i % 300];
            if (entry.Length >= 4)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(entry, i);
            }
            entries.Add(entry);
            tree.AppendLeaf(entry);
        }

        // Level-1 hash i is the root of the 256 leaves from 256·i; level-2 hash 0 is the root of the first 65536.
        byte[] level1 = tree.ReadTile(TileId.Hashes(1, 0));
        Assert.HasCount(256 * 32, level1);
        CollectionAssert.AreEqual(tree.Root(256), level1[..32]);
        byte[] partial1 = tree.ReadTile(TileId.Hashes(1, 1, 17));
        CollectionAssert.AreEqual(tree.GetHash(8, 256 + 16), partial1[^32..]);
        CollectionAssert.AreEqual(tree.Root(65536), tree.ReadTile(TileId.Hashes(2, 0, 1)));
        CollectionAssert.AreEqual(MerkleHash.Leaf(entries[273 * 256 + 111]), tree.ReadTile(TileId.Hashes(0, 273, 112))[^32..]);

        // Tiles the tree does not have yet are refused.
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ReadTile(TileId.Hashes(0, 273)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ReadTile(TileId.Hashes(0, 273, 113)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ReadTile(TileId.Hashes(2, 0, 2)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ReadTile(TileId.Hashes(3, 0, 1)));
        Assert.ThrowsExactly<ArgumentException>(() => tree.ReadTile(TileId.Entries(0)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => tree.ReadTile(TileId.ParsePath("tile/0/x009/x223/x372/x036/x854/x775/807")));

        // A citizen recomputes the root from the level-0 tiles, or from the entry bundles, and gets the checkpoint's root.
        List<TileId> fetched = new List<TileId>();
        byte[] fromTiles = TileRootCalculator.RootFromLevel0Tiles(size, t =>
        {
            fetched.Add(t);
            return tree.ReadTile(t);
        });
        CollectionAssert.AreEqual(tree.Root(), fromTiles);
        Assert.HasCount(274, fetched);

        byte[] fromBundles = TileRootCalculator.RootFromEntryBundles(size, b =>
            EntryBundle.Encode(entries.Skip((int)b.Index * 256).Take(b.Width)));
        CollectionAssert.AreEqual(tree.Root(), fromBundles);

        // An earlier checkpoint's root, from the tiles a log serves for that size.
        CollectionAssert.AreEqual(tree.Root(1000), TileRootCalculator.RootFromLevel0Tiles(1000, tree.ReadTile));
        CollectionAssert.AreEqual(MerkleHash.EmptyRoot(), TileRootCalculator.RootFromLevel0Tiles(0, tree.ReadTile));

        Task<byte[]> async = TileRootCalculator.RootFromLevel0TilesAsync(size, (t, _) => Task.FromResult(tree.ReadTile(t)));
        CollectionAssert.AreEqual(tree.Root(), async.GetAwaiter().GetResult());

        // A tampered or short tile changes the root or is refused.
        byte[] tampered = TileRootCalculator.RootFromLevel0Tiles(size, t =>
        {
            byte[] data = tree.ReadTile(t);
            if (t.Index == 100)
            {
                data[5] ^= 1;
            }
            return data;
        });
        CollectionAssert.AreNotEqual(tree.Root(), tampered);
        Assert.ThrowsExactly<FormatException>(() => TileRootCalculator.RootFromLevel0Tiles(size, t => tree.ReadTile(t)[..^1]));

        // Bundles and tiles agree entry by entry.
        byte[] bundle = EntryBundle.Encode(entries.Skip(256).Take(256));
        Assert.IsTrue(TileRootCalculator.EntryBundleMatchesTile(bundle, tree.ReadTile(TileId.Hashes(0, 1))));
        Assert.IsFalse(TileRootCalculator.EntryBundleMatchesTile(bundle, tree.ReadTile(TileId.Hashes(0, 2))));
        Assert.IsFalse(TileRootCalculator.EntryBundleMatchesTile(bundle[..^1], tree.ReadTile(TileId.Hashes(0, 1))));
        Assert.IsFalse(TileRootCalculator.EntryBundleMatchesTile(bundle, tree.ReadTile(TileId.Hashes(0, 1))[..^32]));
    }

    [TestMethod]
    public void EntryBundleFormat()
    {
        byte[] bundle = EntryBundle.Encode([[], [0xab], new byte[300]]);
        Assert.AreEqual("0000" + "0001ab" + "012c", Convert.ToHexStringLower(bundle[..7]));
        Assert.HasCount(2 + 3 + 302, bundle);
        IReadOnlyList<byte[]> back = EntryBundle.Decode(bundle, 3);
        Assert.HasCount(3, back);
        Assert.IsEmpty(back[0]);
        CollectionAssert.AreEqual(new byte[] { 0xab }, back[1]);
        Assert.HasCount(300, back[2]);
        Assert.IsEmpty(EntryBundle.Decode([]));

        Assert.ThrowsExactly<FormatException>(() => EntryBundle.Decode(bundle[..^1]));
        Assert.ThrowsExactly<FormatException>(() => EntryBundle.Decode([0x00]));
        Assert.ThrowsExactly<FormatException>(() => EntryBundle.Decode([0x00, 0x02, 0x01]));
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => EntryBundle.Decode(bundle, 4)).Message, "says 4");
        Assert.ThrowsExactly<FormatException>(() => EntryBundle.Decode(new byte[2 * 257]));
        Assert.HasCount(256, EntryBundle.Decode(new byte[2 * 256]));

        Assert.HasCount(2 + 65535, EntryBundle.Encode([new byte[65535]]));
        Assert.ThrowsExactly<ArgumentException>(() => EntryBundle.Encode([new byte[65536]]));
        Assert.ThrowsExactly<ArgumentException>(() => EntryBundle.Encode(Enumerable.Repeat(Array.Empty<byte>(), 257)));
    }
}
