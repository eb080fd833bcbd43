using Skold.Board.Kiosk;
using Skold.Board.Tests.Models;
using Skold.Crypto;
using Skold.Station;
using Skold.Tests.Portable;

namespace Skold.Board.Tests;

[TestClass]
public class JournalFileTests
{
    private const int Size = 128 * 1024;

    [TestMethod]
    public void PastTheFilesEndThePartitionReadsErasedAndAWriteOnlyClearsBits()
    {
        var file = new CommittingFile();
        var partition = new JournalFile(file, 4096);
        var buffer = new byte[8];
        partition.Read(100, buffer, 0, 8);
        Assert.IsTrue(buffer.All(b => b == 0xff));
        partition.Write(0, [0x0f, 0xf0], 0, 2);
        partition.Write(0, [0xff, 0x3c], 0, 2);
        partition.Read(0, buffer, 0, 3);
        CollectionAssert.AreEqual(new byte[] { 0x0f, 0x30, 0xff }, buffer.Take(3).ToArray());
        partition.Write(10, [0x00], 0, 1);
        Assert.AreEqual(11, file.Length, "a gap is written as erased bytes");
        partition.Read(2, buffer, 0, 8);
        Assert.IsTrue(buffer.All(b => b == 0xff));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => partition.Write(4095, [1, 2], 0, 2));
    }

    [TestMethod]
    public void AShiftOnlyEverAppendsToTheFile()
    {
        var p = new ProvisionedKiosk();
        var file = new CommittingFile();
        var partition = new JournalFile(file, Size);
        KioskStation station = KioskStation.Open(p.File, partition, p.RulesOrder(), TestCouncil.Now, p.Ed);
        uint t = TestCouncil.Now;
        foreach (char key in "1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2#*B" + ProvisionedKiosk.Card(1) + "*D3**")
        {
            station.Kiosk!.Press(key, ++t);
        }
        station.Kiosk!.Shutdown(++t);
        Assert.AreEqual(0, partition.InPlaceWrites, "littlefs copies every block after a change in the middle: the journal must append");
        Assert.AreEqual(station.Journal!.UsedBytes, file.Length);
        Assert.AreEqual(file.Length, file.DurableLength, "every record committed");
    }

    [TestMethod]
    public void APowerCutAtAnyWriteKeepsExactlyTheRecordsAlreadyAcknowledged()
    {
        var p = new ProvisionedKiosk();
        var ed = new Ed25519();
        string keys = "1#1234#C250#*A" + ProvisionedKiosk.Card(1) + "#2#*A" + ProvisionedKiosk.Card(2) + "#2#**";
        var probe = new CommittingFile();
        var probed = new Holder();
        Run(p, ed, probe, keys, probed);
        int writes = probe.Writes;
        Assert.IsTrue(writes >= probed.OpenWrites + 4, "login, delivery, two hand-outs");
        // Cuts during the shift (the core's journal tests cut inside Journal.Open).
        for (int cut = probed.OpenWrites + 1; cut <= writes; cut++)
        {
            var file = new CommittingFile();
            var holder = new Holder { CutAtWrite = cut };
            Assert.ThrowsExactly<CommittingFile.PowerCut>(() => Run(p, ed, file, keys, holder));
            // Appended and synced before the cut: the journal had said so for these.
            uint acknowledged = holder.Station?.Journal?.Records ?? 0;
            file.Cut();
            List<byte[]> durable = Bodies(ed, new JournalFile(file, Size), out bool valid);
            Assert.IsTrue(valid, $"cut at write {cut}: the file is a valid journal");
            Assert.AreEqual((int)acknowledged, durable.Count, $"cut at write {cut}: every acknowledged record and nothing else");
            KioskStation again = KioskStation.Open(p.File, new JournalFile(file, Size), p.RulesOrder(), TestCouncil.Now + 500, ed);
            Assert.IsNull(again.Problem, $"cut at write {cut}: {again.Problem}");
            List<byte[]> reopened = Bodies(ed, new JournalFile(file, Size), out _);
            for (int i = 0; i < durable.Count; i++)
            {
                CollectionAssert.AreEqual(durable[i], reopened[i], $"cut at write {cut}: record {i + 1} unchanged");
            }
        }
    }

    private sealed class Holder
    {
        public KioskStation? Station;
        public int OpenWrites;
        public int CutAtWrite;
    }

    private sealed class BodyList : IJournalReader
    {
        public readonly List<byte[]> Items = [];

        public void Read(JournalRecord journalRecord) => Items.Add(journalRecord.EncodeBody());
    }

    private static void Run(ProvisionedKiosk p, Ed25519 ed, CommittingFile file, string keys, Holder holder)
    {
        holder.Station = KioskStation.Open(p.File, new JournalFile(file, Size), p.RulesOrder(), TestCouncil.Now, ed);
        holder.OpenWrites = file.Writes;
        file.CutAtWrite = holder.CutAtWrite;
        uint t = TestCouncil.Now;
        foreach (char key in keys)
        {
            holder.Station.Kiosk!.Press(key, ++t);
        }
    }

    private static List<byte[]> Bodies(Ed25519 ed, IJournalStorage storage, out bool valid)
    {
        var list = new BodyList();
        valid = JournalScan.Run(storage, ed, list).Valid;
        return list.Items;
    }
}
