using System.Data.Common;
using System.Security.Cryptography;
using Skold.Council;
using Skold.Ledger.Database;
using Skold.Station;

namespace Skold.Ledger.Checks;

/// <summary>
/// What no single station can see: households over quota by visiting several stations, lent
/// battery packs never returned, a random 5% of neighbour-verified exceptions for audit (drawn
/// from the latest signed log root, so anyone can redo the draw), and kiosks caught offering a
/// different record under a sequence the ledger already holds. Undone records do not count.
/// </summary>
public sealed class CrossStationChecks(LedgerDatabase database, Func<byte[], string> publicPseudonym)
{
    public const int AuditPercent = 5;

    /// <summary>SQL condition on records r: no undo record of the same station reverses it.</summary>
    public const string NotUndone =
        "NOT EXISTS (SELECT 1 FROM records u WHERE u.station = r.station AND u.kind = 8 AND u.target = r.sequence)";

    public CheckReport Run(Order? rules, byte[] auditSeed)
    {
        using DbConnection connection = database.Connect();
        return new CheckReport(OverQuota(connection, rules), NotReturned(connection, rules), AuditSample(connection, auditSeed),
            Conflicts(connection), Convert.ToHexString(auditSeed).ToLowerInvariant());
    }

    private List<OverQuotaHousehold> OverQuota(DbConnection connection, Order? rules)
    {
        var found = new List<OverQuotaHousehold>();
        if (rules?.Body is not DistributionRulesBody body)
        {
            return found;
        }
        long period = body.PeriodHours * 3600L;
        using DbCommand command = LedgerDatabase.Command(connection, null,
            "SELECT r.household, r.item, (r.time - @start) / @period AS p, SUM(r.quantity), COUNT(DISTINCT r.station) " +
            "FROM records r WHERE r.kind = 5 AND r.time >= @start AND r.time < @end AND " + NotUndone +
            " GROUP BY 1, 2, 3",
            ("@start", (long)rules.Created), ("@end", (long)rules.Expires), ("@period", period));
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            int item = (int)LedgerDatabase.Number(reader, 1);
            long total = LedgerDatabase.Number(reader, 3);
            ItemRule? rule = body.Find(item);
            if (rule is not null && total > rule.PerHouseholdPerPeriod)
            {
                long start = rules.Created + LedgerDatabase.Number(reader, 2) * period;
                found.Add(new OverQuotaHousehold(publicPseudonym((byte[])reader.GetValue(0)), item, Log.PendingLeaf.Hour((uint)start), (int)total,
                    rule.PerHouseholdPerPeriod, (int)LedgerDatabase.Number(reader, 4)));
            }
        }
        return found;
    }

    private List<OutstandingLoan> NotReturned(DbConnection connection, Order? rules)
    {
        var lent = new HashSet<int> { ItemRule.BatteryPack };
        if (rules?.Body is DistributionRulesBody body)
        {
            lent = body.Items.Where(i => i.MaxOutAtOnce > 0).Select(i => i.Code).ToHashSet();
        }
        var found = new List<OutstandingLoan>();
        using DbCommand command = LedgerDatabase.Command(connection, null,
            "SELECT r.household, r.item, SUM(CASE WHEN r.kind = 6 THEN -r.quantity ELSE r.quantity END), MAX(CASE WHEN r.kind = 6 THEN 0 ELSE r.time END) " +
            "FROM records r WHERE r.kind IN (5, 6, 7) AND " + NotUndone + " GROUP BY 1, 2");
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            int item = (int)LedgerDatabase.Number(reader, 1);
            long outstanding = LedgerDatabase.Number(reader, 2);
            if (lent.Contains(item) && outstanding > 0)
            {
                found.Add(new OutstandingLoan(publicPseudonym((byte[])reader.GetValue(0)), item, (int)outstanding, Log.PendingLeaf.Hour((uint)LedgerDatabase.Number(reader, 3))));
            }
        }
        return found;
    }

    private static List<AuditedException> AuditSample(DbConnection connection, byte[] seed)
    {
        var sample = new List<AuditedException>();
        using DbCommand command = LedgerDatabase.Command(connection, null,
            "SELECT r.station, r.sequence, r.item, r.quantity, r.time FROM records r WHERE r.kind = 7 AND " + NotUndone + " ORDER BY r.station, r.sequence");
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            int station = (int)LedgerDatabase.Number(reader, 0);
            long sequence = LedgerDatabase.Number(reader, 1);
            if (Drawn(seed, station, sequence))
            {
                sample.Add(new AuditedException(station, sequence, (int)LedgerDatabase.Number(reader, 2), (int)LedgerDatabase.Number(reader, 3), Log.PendingLeaf.Hour((uint)LedgerDatabase.Number(reader, 4))));
            }
        }
        return sample;
    }

    /// <summary>
    /// The draw: SHA-256(seed || station u16 BE || sequence u32 BE), first 4 bytes as a big-endian
    /// number, mod 100, below 5. The seed is the root hash of the latest signed checkpoint.
    /// </summary>
    public static bool Drawn(byte[] seed, int station, long sequence)
    {
        byte[] input = new byte[seed.Length + 6];
        seed.CopyTo(input, 0);
        input[seed.Length] = (byte)(station >> 8);
        input[seed.Length + 1] = (byte)station;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length + 2), (uint)sequence);
        byte[] hash = SHA256.HashData(input);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) % 100 < AuditPercent;
    }

    private static List<ForkEvidence> Conflicts(DbConnection connection)
    {
        var found = new List<ForkEvidence>();
        using DbCommand command = LedgerDatabase.Command(connection, null, "SELECT station, sequence, received_at FROM conflicts ORDER BY station, sequence");
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            found.Add(new ForkEvidence((int)LedgerDatabase.Number(reader, 0), LedgerDatabase.Number(reader, 1), DateTimeOffset.FromUnixTimeSeconds(LedgerDatabase.Number(reader, 2)).ToString("u")));
        }
        return found;
    }

}

public sealed record CheckReport(List<OverQuotaHousehold> OverQuota, List<OutstandingLoan> NotReturned, List<AuditedException> AuditSample,
    List<ForkEvidence> Conflicts, string AuditSeed);

public sealed record OverQuotaHousehold(string Household, int Item, string PeriodStart, int Taken, int Quota, int Stations);

public sealed record OutstandingLoan(string Household, int Item, int Outstanding, string LastHandOut);

public sealed record AuditedException(int Station, long Sequence, int Item, int Quantity, string Hour);

public sealed record ForkEvidence(int Station, long Sequence, string ReceivedAt);
