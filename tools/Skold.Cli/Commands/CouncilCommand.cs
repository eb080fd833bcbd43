using System.CommandLine;
using Skold.Council;

namespace Skold.Cli.Commands;

/// <summary>`skold council init`: the genesis registry, from the members' public files.</summary>
internal static class CouncilCommand
{
    public static Command Create(CommandIO io)
    {
        var name = new Option<string>("--name") { Description = "The council's name.", Required = true };
        var fund = new Option<uint>("--fund-sek") { Description = "The resilience fund in kronor; the acute reserve is a tenth of it.", Required = true };
        var members = new Option<string[]>("--member") { Description = "A member's .pub file; repeat for every member, in seat order.", Required = true, AllowMultipleArgumentsPerToken = true };
        var created = new Option<string?>("--created") { Description = "When the registry takes effect (ISO 8601 or now)." };
        var policies = new Option<string[]>("--policy") { Description = "Override a kind's policy as kind=signatures/groups, e.g. alert=2/2.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the (unsigned) genesis file.", Required = true };
        var init = new Command("init",
            "Builds the genesis registry from the members' public files. It is in force once at least the registry-update " +
            "policy's members (6 from all 4 groups by default) have signed it with `skold order sign`.");
        init.Options.Add(name);
        init.Options.Add(fund);
        init.Options.Add(members);
        init.Options.Add(created);
        init.Options.Add(policies);
        init.Options.Add(output);
        init.SetAction(parse => Guarded.Run(io, () =>
        {
            uint start = CliInput.Time(parse.GetValue(created), "--created");
            string[] memberPaths = parse.GetValue(members) ?? [];
            var seats = new CouncilMember[memberPaths.Length];
            for (int i = 0; i < memberPaths.Length; i++)
            {
                var file = OrderFiles.ReadMember(memberPaths[i]);
                seats[i] = new CouncilMember(file.Name!, CouncilGroup.Parse(file.Group!), Convert.FromHexString(file.PublicKey!), start, CouncilMember.Forever, false);
                for (int j = 0; j < i; j++)
                {
                    if (seats[j].PublicKey.AsSpan().SequenceEqual(seats[i].PublicKey))
                    {
                        throw new UsageException($"{memberPaths[i]} has the same key as {memberPaths[j]}");
                    }
                }
            }
            KindPolicy[] rules = KindPolicy.Defaults();
            foreach (string policy in parse.GetValue(policies) ?? [])
            {
                ApplyPolicyOverride(rules, policy);
            }
            var genesis = new Order(OrderKind.Genesis, 0, start, 0, new GenesisBody(parse.GetValue(name)!, parse.GetValue(fund), seats, rules));
            string path = parse.GetValue(output)!;
            OrderFiles.Write(path, genesis);
            CouncilRegistry registry = CouncilRegistry.FromGenesis(genesis);
            io.Output.WriteLine($"{registry.CouncilName}: council id {Convert.ToHexStringLower(registry.CouncilId)}");
            for (int i = 0; i < seats.Length; i++)
            {
                io.Output.WriteLine($"  member {i}: {seats[i].Name} ({CouncilGroup.Name(seats[i].Group)})");
            }
            for (int kind = OrderKind.Alert; kind < OrderKind.Count; kind++)
            {
                io.Output.WriteLine($"  {OrderKind.Name(kind)} needs {rules[kind].MinSignatures} signatures from {rules[kind].MinGroups} groups");
            }
            io.Output.WriteLine($"Wrote {path}. Next: members sign it with `skold order sign {path} --key <their .key>`.");
            return 0;
        }));
        var council = new Command("council", "The coordination council's registry of members and policies.");
        council.Subcommands.Add(init);
        return council;
    }

    /// <summary>"alert=2/2": kind, minimum signatures, minimum groups.</summary>
    public static void ApplyPolicyOverride(KindPolicy[] rules, string text)
    {
        var (kind, policy) = ParsePolicy(text);
        rules[kind] = policy;
        if (kind == OrderKind.RegistryUpdate)
        {
            rules[OrderKind.Genesis] = policy;
        }
    }

    public static (int Kind, KindPolicy Policy) ParsePolicy(string text)
    {
        string[] parts = text.Split('=', '/');
        int kind = parts.Length == 3 ? OrderKind.Parse(parts[0]) : -1;
        if (kind < OrderKind.Alert || !int.TryParse(parts[1], out int signatures) || !int.TryParse(parts[2], out int groups)
            || !KindPolicy.IsSane(signatures, groups))
        {
            throw new UsageException($"--policy \"{text}\": expected kind=signatures/groups, e.g. alert=2/2, with 1..4 groups and at least as many signatures");
        }
        return (kind, new KindPolicy(signatures, groups));
    }
}
