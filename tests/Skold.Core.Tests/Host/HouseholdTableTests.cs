using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Station;

namespace Skold.Tests.Host;

/// <summary>
/// The kiosk's household table against a plain model of the per-household rules it packs into
/// byte pages (the rules of the object-per-household table it replaced). Host only: thousands of
/// households and a model in dictionaries do not fit a board's heap.
/// </summary>
[TestClass]
public class HouseholdTableTests
{
    /// <summary>The largest block the table may ask nanoCLR for: a fragmented heap cannot give much more.</summary>
    private const int BlockLimit = 4096;

    /// <summary>One household as the object-per-household table kept it: counts saturate at 0..255, Out around 128.</summary>
    private sealed class ModelHousehold
    {
        public readonly Dictionary<int, int[]> Counts = [];
        public uint[]? Vouches;
        public bool Served;
        public uint PeriodStart;

        public int Taken(int item, uint period) => period == PeriodStart ? Get(item, 0) : 0;

        public int Exceptions(int item, uint period) => period == PeriodStart ? Get(item, 1) : 0;

        public int Out(int item) => Math.Max(0, Get(item, 2) - 128);

        public void AddTaken(int item, int change, uint period)
        {
            if (MovePeriod(period))
            {
                Set(item, 0, Get(item, 0) + change);
            }
        }

        public void AddException(int item, int change, uint period)
        {
            if (MovePeriod(period))
            {
                Set(item, 1, Get(item, 1) + change);
            }
        }

        public void AddOut(int item, int change) => Set(item, 2, (Get(item, 2) == 0 ? 128 : Get(item, 2)) + change);

        public int VouchesSince(uint since) => Vouches == null ? 0 : Vouches.Count(t => t != 0 && t > since);

        public void AddVouch(uint time)
        {
            Vouches ??= new uint[HouseholdTable.MaxVouchesTracked];
            int oldest = 0;
            for (int i = 1; i < Vouches.Length; i++)
            {
                if (Vouches[i] < Vouches[oldest])
                {
                    oldest = i;
                }
            }
            Vouches[oldest] = time;
        }

        public void RemoveVouch(uint time)
        {
            int i = Vouches == null ? -1 : Array.IndexOf(Vouches, time);
            if (i >= 0)
            {
                Vouches![i] = 0;
            }
        }

        private bool MovePeriod(uint period)
        {
            if (period < PeriodStart)
            {
                return false;
            }
            if (period > PeriodStart)
            {
                PeriodStart = period;
                foreach (int[] counts in Counts.Values)
                {
                    counts[0] = 0;
                    counts[1] = 0;
                }
            }
            return true;
        }

        private int Get(int item, int role) => Counts.TryGetValue(item, out int[]? counts) ? counts[role] : 0;

        private void Set(int item, int role, int value)
        {
            if (!Counts.TryGetValue(item, out int[]? counts))
            {
                Counts[item] = counts = new int[3];
            }
            counts[role] = Math.Clamp(value, 0, 255);
        }
    }

    private sealed class Households
    {
        public readonly HouseholdTable Table = new();
        public readonly List<byte[]> Pseudonyms = [];
        public readonly Dictionary<string, ModelHousehold> Model = [];
        public readonly Dictionary<string, int> Slots = [];

        public int Add(byte[] pseudonym)
        {
            string key = Convert.ToHexString(pseudonym);
            int slot = Table.GetOrAdd(pseudonym);
            if (Slots.TryGetValue(key, out int known))
            {
                Assert.AreEqual(known, slot, "a household keeps its slot");
            }
            else
            {
                Slots[key] = slot;
                Model[key] = new ModelHousehold();
                Pseudonyms.Add(pseudonym);
            }
            return slot;
        }

        public ModelHousehold Of(byte[] pseudonym) => Model[Convert.ToHexString(pseudonym)];

        public void Compare(byte[] pseudonym, IEnumerable<int> items, IEnumerable<uint> periods, IEnumerable<uint> sinces)
        {
            ModelHousehold model = Of(pseudonym);
            int slot = Table.Find(pseudonym);
            string who = Convert.ToHexString(pseudonym);
            Assert.AreEqual(Slots[who], slot, who);
            Assert.AreEqual(model.Served, Table.IsServed(slot), who);
            Assert.AreEqual(model.PeriodStart, Table.PeriodStart(slot), who);
            foreach (int item in items)
            {
                Assert.AreEqual(model.Out(item), Table.Out(slot, item), $"{who} out of {item}");
                foreach (uint period in periods)
                {
                    Assert.AreEqual(model.Taken(item, period), Table.Taken(slot, item, period), $"{who} taken of {item} in {period}");
                    Assert.AreEqual(model.Exceptions(item, period), Table.Exceptions(slot, item, period), $"{who} exceptions of {item} in {period}");
                }
            }
            foreach (uint since in sinces)
            {
                Assert.AreEqual(model.VouchesSince(since), Table.VouchesSince(slot, since), $"{who} vouches since {since}");
            }
        }
    }

    private static byte[] RandomPseudonym(Random random)
    {
        byte[] pseudonym = new byte[HouseholdCard.PseudonymSize];
        random.NextBytes(pseudonym);
        return pseudonym;
    }

    /// <summary>nanoCLR's size of an array: a 20-byte header, then elements (references 12 each), in whole 12-byte blocks.</summary>
    private static int NanoBytes(Array array)
    {
        Type element = array.GetType().GetElementType()!;
        int each = element.IsValueType ? System.Runtime.InteropServices.Marshal.SizeOf(element) : 12;
        return (20 + array.Length * each + 11) / 12 * 12;
    }

    /// <summary>Every array the table holds, directories and their pages, as nanoCLR would size them.</summary>
    private static List<int> ArraySizes(HouseholdTable table)
    {
        var sizes = new List<int>();
        foreach (FieldInfo field in typeof(HouseholdTable).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            AddSizes(field.GetValue(table), sizes);
        }
        return sizes;
    }

    private static void AddSizes(object? value, List<int> sizes)
    {
        if (value is Array array)
        {
            sizes.Add(NanoBytes(array));
            if (!array.GetType().GetElementType()!.IsValueType)
            {
                foreach (object? inner in array)
                {
                    AddSizes(inner, sizes);
                }
            }
        }
    }

    private static int NanoBytes(HouseholdTable table)
    {
        int fields = typeof(HouseholdTable).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Length;
        return 12 * (fields + 1) + ArraySizes(table).Sum();
    }

    [TestMethod]
    public void TheTableAgreesWithTheModelThroughManyRandomHouseholdsAndOperations()
    {
        var random = new Random(20261204);
        var h = new Households();
        int[] common = [1, 2, 3];
        int[] all = Enumerable.Range(0, 256).ToArray();
        uint[] periods = [0, 1000, 87400, 173800, 260200];
        uint time = 100000;
        int period = 0;
        for (int step = 0; step < 120000; step++)
        {
            byte[] pseudonym;
            int pick = random.Next(100);
            if (h.Pseudonyms.Count < 50 || pick < 3)
            {
                pseudonym = RandomPseudonym(random);
            }
            else if (pick < 6)
            {
                // The same first bytes (or all but one byte) as a household already in: the same bucket at every size.
                pseudonym = (byte[])h.Pseudonyms[random.Next(h.Pseudonyms.Count)].Clone();
                int from = random.Next(2) == 0 ? 4 : 11;
                for (int i = from; i < pseudonym.Length; i++)
                {
                    pseudonym[i] = (byte)random.Next(256);
                }
            }
            else
            {
                pseudonym = h.Pseudonyms[random.Next(h.Pseudonyms.Count)];
            }
            int slot = h.Add(pseudonym);
            ModelHousehold model = h.Of(pseudonym);
            // One household in 16 touches many item codes, more than one slot holds.
            bool many = (pseudonym[11] & 15) == 0;
            int item = many ? all[random.Next(all.Length)] : common[random.Next(common.Length)];
            int change = random.Next(10) == 0 ? random.Next(-300, 300) : random.Next(-2, 4);
            if (random.Next(500) == 0)
            {
                period = Math.Min(period + 1, periods.Length - 1);
            }
            // Mostly the current period, sometimes an older one (an undo replayed late).
            uint at = periods[random.Next(8) == 0 ? random.Next(period + 1) : period];
            time += (uint)random.Next(3);
            switch (random.Next(10))
            {
                case 0:
                    h.Table.MarkServed(slot);
                    model.Served = true;
                    break;
                case 1:
                case 2:
                    h.Table.AddTaken(slot, item, change, at);
                    model.AddTaken(item, change, at);
                    break;
                case 3:
                    h.Table.AddException(slot, item, change, at);
                    model.AddException(item, change, at);
                    break;
                case 4:
                case 5:
                    h.Table.AddOut(slot, item, change);
                    model.AddOut(item, change);
                    if (random.Next(2) == 0)
                    {
                        // The undo of that movement.
                        h.Table.AddOut(slot, item, -change);
                        model.AddOut(item, -change);
                    }
                    break;
                case 6:
                    if (random.Next(4) == 0)
                    {
                        h.Table.AddVouch(slot, time);
                        model.AddVouch(time);
                    }
                    break;
                case 7:
                    uint undone = model.Vouches != null && random.Next(2) == 0 ? model.Vouches[random.Next(model.Vouches.Length)] : time - (uint)random.Next(50);
                    h.Table.RemoveVouch(slot, undone);
                    model.RemoveVouch(undone);
                    break;
            }
            h.Compare(pseudonym, many ? model.Counts.Keys.Append(item) : common, [at, periods[period], 5], [0, time - 20, time]);
        }

        Assert.IsTrue(h.Pseudonyms.Count > 3000, "enough households to grow across many pages and split the buckets");
        Assert.AreEqual(h.Pseudonyms.Count, h.Table.Count);
        Assert.AreEqual(h.Model.Values.Count(m => m.Served), h.Table.Served);
        foreach (byte[] pseudonym in h.Pseudonyms)
        {
            h.Compare(pseudonym, all, periods, [0, time / 2, time - 100, time]);
        }
        foreach (int item in all)
        {
            Assert.AreEqual(h.Model.Values.Sum(m => m.Out(item)), h.Table.TotalOut(item), $"total out of {item}");
        }
        for (int i = 0; i < 1000; i++)
        {
            Assert.AreEqual(HouseholdTable.None, h.Table.Find(RandomPseudonym(random)), "a pseudonym never added is not found");
        }
        Assert.IsTrue(ArraySizes(h.Table).Max() <= BlockLimit);
    }

    [TestMethod]
    public void PseudonymsThatDifferInAnyOneByteAreDifferentHouseholds()
    {
        var table = new HouseholdTable();
        var pseudonyms = new List<byte[]> { new byte[HouseholdCard.PseudonymSize] };
        for (int at = 0; at < HouseholdCard.PseudonymSize; at++)
        {
            for (int value = 1; value < 32; value++)
            {
                byte[] pseudonym = new byte[HouseholdCard.PseudonymSize];
                pseudonym[at] = (byte)value;
                pseudonyms.Add(pseudonym);
            }
        }
        var households = new List<int>();
        foreach (byte[] pseudonym in pseudonyms)
        {
            households.Add(table.GetOrAdd(pseudonym));
            table.AddTaken(households[^1], 2, households.Count % 200, 0);
        }
        Assert.AreEqual(pseudonyms.Count, table.Count);
        Assert.AreEqual(pseudonyms.Count, households.Distinct().Count());
        for (int i = 0; i < pseudonyms.Count; i++)
        {
            Assert.AreEqual(households[i], table.Find((byte[])pseudonyms[i].Clone()), Convert.ToHexString(pseudonyms[i]));
            Assert.AreEqual((i + 1) % 200, table.Taken(households[i], 2, 0));
        }
        Assert.AreEqual(HouseholdTable.None, table.Find(new byte[11]), "a pseudonym is 12 bytes");
    }

    [TestMethod]
    public void AHouseholdTouchingEveryItemCodeKeepsEachCountAndItsVouches()
    {
        var table = new HouseholdTable();
        int h = table.GetOrAdd(new byte[HouseholdCard.PseudonymSize]);
        table.AddVouch(h, 50);
        for (int item = 255; item >= 0; item--)
        {
            table.AddTaken(h, item, item, 10);
            table.AddException(h, item, 1 + item % 3, 10);
            table.AddOut(h, item, item % 5 - 2);
        }
        table.AddVouch(h, 60);
        for (int item = 0; item < 256; item++)
        {
            Assert.AreEqual(item, table.Taken(h, item, 10), $"taken of {item}");
            Assert.AreEqual(1 + item % 3, table.Exceptions(h, item, 10), $"exceptions of {item}");
            Assert.AreEqual(Math.Max(0, item % 5 - 2), table.Out(h, item), $"out of {item}");
        }
        Assert.AreEqual(2, table.VouchesSince(h, 0));

        // A later period drops the taken and exception counts of every slot, never what is out.
        table.AddTaken(h, 7, 1, 20);
        for (int item = 0; item < 256; item++)
        {
            Assert.AreEqual(item == 7 ? 1 : 0, table.Taken(h, item, 20), $"taken of {item}");
            Assert.AreEqual(0, table.Exceptions(h, item, 20), $"exceptions of {item}");
            Assert.AreEqual(0, table.Taken(h, item, 10), "the old period is gone");
            Assert.AreEqual(Math.Max(0, item % 5 - 2), table.Out(h, item), $"out of {item}");
        }
        Assert.AreEqual(2, table.VouchesSince(h, 0));
    }

    [TestMethod]
    public void ARecordOfAnOlderPeriodChangesNothing()
    {
        var table = new HouseholdTable();
        int h = table.GetOrAdd(new byte[HouseholdCard.PseudonymSize]);
        table.AddTaken(h, 1, 2, 200);
        table.AddTaken(h, 1, -2, 100);
        table.AddException(h, 1, 1, 100);
        Assert.AreEqual(2, table.Taken(h, 1, 200));
        Assert.AreEqual(0, table.Exceptions(h, 1, 200));
        Assert.AreEqual(200u, table.PeriodStart(h));
    }

    [TestMethod]
    public void UndoingAReturnOrALoanRestoresExactlyWhatWasOut()
    {
        var table = new HouseholdTable();
        int h = table.GetOrAdd(new byte[HouseholdCard.PseudonymSize]);
        table.AddOut(h, 1, -1);
        Assert.AreEqual(0, table.Out(h, 1), "a pack lent elsewhere and returned here is no credit");
        table.AddOut(h, 1, 1);
        Assert.AreEqual(0, table.Out(h, 1), "undoing that return leaves no phantom loan");
        table.AddOut(h, 1, 2);
        table.AddOut(h, 1, -3);
        Assert.AreEqual(0, table.Out(h, 1));
        table.AddOut(h, 1, 3);
        Assert.AreEqual(2, table.Out(h, 1), "the undone return puts the two back");
        table.AddOut(h, 1, 500);
        Assert.AreEqual(127, table.Out(h, 1), "saturates as before");
        Assert.AreEqual(127, table.TotalOut(1));
    }

    [TestMethod]
    public void NoArrayOfTheTableExceedsTheBlockLimitAsItGrows()
    {
        var random = new Random(7);
        var table = new HouseholdTable();
        for (int n = 0; n < 6000; n++)
        {
            int h = table.GetOrAdd(RandomPseudonym(random));
            int items = n % 20 == 0 ? 12 : 1 + n % 3;
            for (int item = 0; item < items; item++)
            {
                table.AddTaken(h, item, 1, 0);
            }
            if (n % 7 == 0)
            {
                table.AddVouch(h, (uint)n + 1);
            }
            if (n % 500 == 0)
            {
                Assert.IsTrue(ArraySizes(table).Max() <= BlockLimit, $"at {n} households: {ArraySizes(table).Max()} bytes");
            }
        }
        Assert.IsTrue(ArraySizes(table).Max() <= BlockLimit, $"{ArraySizes(table).Max()} bytes");
    }

    [TestMethod]
    public void AThousandHouseholdsOfOneItemEachCostAbout32BytesEach()
    {
        var random = new Random(1000);
        var table = new HouseholdTable();
        for (int n = 0; n < 1000; n++)
        {
            int h = table.GetOrAdd(RandomPseudonym(random));
            table.MarkServed(h);
            table.AddTaken(h, 2, 1, 0);
        }
        int bytes = NanoBytes(table);
        Assert.IsTrue(bytes <= 36 * 1000, $"{bytes} nanoCLR bytes for 1,000 households");
        Assert.AreEqual(1000, table.Served);
    }
}
