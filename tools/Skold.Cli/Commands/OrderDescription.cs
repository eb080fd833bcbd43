using System.Text.Json.Nodes;
using Skold.Council;

namespace Skold.Cli.Commands;

/// <summary>An order's fields as labelled lines for people, or as JSON for scripts.</summary>
internal static class OrderDescription
{
    /// <summary>Keeps å, ä, ö and other text readable instead of \u-escaped.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<(string Label, string Value)> Lines(Order order)
    {
        var lines = new List<(string, string)>
        {
            ("kind", OrderKind.Name(order.Kind) + (order.Kind == OrderKind.Genesis ? "" : " #" + order.Sequence)),
            ("order id", Convert.ToHexStringLower(order.ComputeId())),
            ("created", CliInput.FormatTime(order.Created)),
        };
        if (order.Kind != OrderKind.Genesis)
        {
            lines.Add(("expires", CliInput.FormatTime(order.Expires) + $" ({order.LifetimeMinutes} min)"));
        }
        switch (order.Body)
        {
            case AlertBody alert:
                lines.Add(("severity", AlertBody.SeverityName(alert.Severity)));
                lines.Add(("area", alert.Area == 0 ? "0 (whole municipality)" : alert.Area.ToString()));
                lines.Add(("text", alert.Text));
                break;
            case TeamActivationBody team:
                lines.Add(("stations", List(team.Stations)));
                lines.Add(("areas", List(team.Areas)));
                lines.Add(("teams", List(team.Teams)));
                lines.Add(("from", CliInput.FormatTime(team.From)));
                lines.Add(("until", CliInput.FormatTime(team.Until)));
                break;
            case DistributionRulesBody rules:
                lines.Add(("period", rules.PeriodHours + " h"));
                foreach (ItemRule item in rules.Items)
                {
                    lines.Add(("item " + item.Code, $"{item.DisplayName}: {item.PerHouseholdPerPeriod} per household per period, "
                        + (item.MaxOutAtOnce > 0 ? $"{item.MaxOutAtOnce} out at once, " : "")
                        + $"{item.ExceptionsPerPeriod} neighbour-verified exception(s)"));
                }
                break;
            case ReserveActivationBody reserve:
                lines.Add(("amount", reserve.AmountSek.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " SEK"));
                lines.Add(("spend by", CliInput.FormatTime(reserve.SpendBy)));
                lines.Add(("purpose", reserve.Purpose));
                break;
            case RegistryUpdateBody update:
                lines.Add(("follows", update.AfterSequence == 0 ? "the genesis" : "registry update #" + update.AfterSequence));
                foreach (RegistryOperation op in update.Operations)
                {
                    lines.Add(("change", Operation(op)));
                }
                break;
            case GenesisBody genesis:
                lines.Add(("council", genesis.CouncilName));
                lines.Add(("fund", genesis.FundSek.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " SEK"));
                for (int i = 0; i < genesis.Members.Length; i++)
                {
                    lines.Add(("member " + i, $"{genesis.Members[i].Name} ({CouncilGroup.Name(genesis.Members[i].Group)}) {Convert.ToHexStringLower(genesis.Members[i].PublicKey)}"));
                }
                for (int kind = OrderKind.Alert; kind < OrderKind.Count; kind++)
                {
                    lines.Add(("policy", $"{OrderKind.Name(kind)}: {genesis.Policies[kind].MinSignatures} signatures from {genesis.Policies[kind].MinGroups} groups"));
                }
                break;
        }
        var signers = Enumerable.Range(0, CouncilRegistry.MaxMembers).Where(i => order.Signature(i) != null).ToList();
        lines.Add(("signed by", signers.Count == 0 ? "nobody yet" : "members " + string.Join(", ", signers)));
        lines.Add(("size", order.Encode().Length + " bytes"));
        return lines;
    }

    public static JsonObject Json(Order order)
    {
        var json = new JsonObject
        {
            ["kind"] = OrderKind.Name(order.Kind),
            ["sequence"] = order.Sequence,
            ["order_id"] = Convert.ToHexStringLower(order.ComputeId()),
            ["created_unix"] = SkoldTime.ToUnixSeconds(order.Created),
            ["lifetime_minutes"] = order.LifetimeMinutes,
            ["signed_by"] = new JsonArray(Enumerable.Range(0, CouncilRegistry.MaxMembers).Where(i => order.Signature(i) != null).Select(i => (JsonNode)i).ToArray()),
            ["size_bytes"] = order.Encode().Length,
        };
        switch (order.Body)
        {
            case AlertBody alert:
                json["severity"] = AlertBody.SeverityName(alert.Severity);
                json["area"] = alert.Area;
                json["text"] = alert.Text;
                break;
            case TeamActivationBody team:
                json["stations"] = new JsonArray(team.Stations.Select(n => (JsonNode)n).ToArray());
                json["areas"] = new JsonArray(team.Areas.Select(n => (JsonNode)n).ToArray());
                json["teams"] = new JsonArray(team.Teams.Select(n => (JsonNode)n).ToArray());
                json["from_unix"] = SkoldTime.ToUnixSeconds(team.From);
                json["until_unix"] = SkoldTime.ToUnixSeconds(team.Until);
                break;
            case DistributionRulesBody rules:
                json["period_hours"] = rules.PeriodHours;
                json["items"] = new JsonArray(rules.Items.Select(item => (JsonNode)new JsonObject
                {
                    ["code"] = item.Code,
                    ["name"] = item.DisplayName,
                    ["per_household_per_period"] = item.PerHouseholdPerPeriod,
                    ["max_out_at_once"] = item.MaxOutAtOnce,
                    ["exceptions_per_period"] = item.ExceptionsPerPeriod,
                }).ToArray());
                break;
            case ReserveActivationBody reserve:
                json["amount_sek"] = reserve.AmountSek;
                json["spend_by_unix"] = SkoldTime.ToUnixSeconds(reserve.SpendBy);
                json["purpose"] = reserve.Purpose;
                break;
            case RegistryUpdateBody update:
                json["changes"] = new JsonArray(update.Operations.Select(op => (JsonNode)Operation(op)).ToArray());
                break;
            case GenesisBody genesis:
                json["council"] = genesis.CouncilName;
                json["fund_sek"] = genesis.FundSek;
                json["members"] = new JsonArray(genesis.Members.Select(m => (JsonNode)new JsonObject
                {
                    ["name"] = m.Name,
                    ["group"] = CouncilGroup.Name(m.Group),
                    ["public_key"] = Convert.ToHexStringLower(m.PublicKey),
                }).ToArray());
                break;
        }
        return json;
    }

    private static string Operation(RegistryOperation op) => op.Type switch
    {
        RegistryOperation.AddMember => $"add {op.Member!.Name} ({CouncilGroup.Name(op.Member.Group)}) key {Convert.ToHexStringLower(op.Member.PublicKey)}",
        RegistryOperation.RotateKey => $"member {op.MemberIndex} gets key {Convert.ToHexStringLower(op.Member!.PublicKey)} from {CliInput.FormatTime(op.Member.ValidFrom)}",
        RegistryOperation.RevokeMember => $"revoke member {op.MemberIndex}",
        RegistryOperation.RegisterStation => $"station {op.StationId} gets key {Convert.ToHexStringLower(op.StationKey!)}",
        _ => $"{OrderKind.Name(op.PolicyKind)} needs {op.Policy!.MinSignatures} signatures from {op.Policy.MinGroups} groups",
    };

    private static string List(int[] numbers) => numbers.Length == 0 ? "-" : string.Join(", ", numbers);
}
