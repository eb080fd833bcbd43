using System.CommandLine;
using System.Globalization;
using QRCoder;
using Skold.Cli.Keys;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Cli.Commands;

/// <summary>`skold order new|sign|verify|inspect|export|import`: council orders from the command line.</summary>
internal static class OrderCommand
{
    public static Command Create(CommandIO io)
    {
        var order = new Command("order", "Council orders: create, sign, verify, inspect, and pass them on as files, text or QR codes.");
        order.Subcommands.Add(CreateNew(io));
        order.Subcommands.Add(CreateSign(io));
        order.Subcommands.Add(CreateVerify(io));
        order.Subcommands.Add(CreateInspect(io));
        order.Subcommands.Add(CreateExport(io));
        order.Subcommands.Add(CreateImport(io));
        order.Subcommands.Add(GatewayCommand.Send(io));
        return order;
    }

    private static Option<string> RegistryOption() => new("--registry") { Description = "The council's genesis file.", Required = true };

    private static Option<string[]> UpdatesOption() => new("--update")
    {
        Description = "A registry update order already in force; repeat in order.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command CreateNew(CommandIO io)
    {
        var kind = new Option<string>("--kind") { Description = "alert, team-activation, distribution-rules, reserve-activation or registry-update.", Required = true };
        var sequence = new Option<int>("--seq") { Description = "The council's sequence number for this order (1..16777215), higher than the last of its kind.", Required = true };
        var created = new Option<string?>("--created") { Description = "Creation time (ISO 8601, default now)." };
        var lifetime = new Option<string>("--lifetime") { Description = "How long the order stays valid: 90m, 24h, 2d...", DefaultValueFactory = _ => "24h" };
        var output = new Option<string>("--out") { Description = "Where to write the unsigned order.", Required = true };
        var text = new Option<string?>("--text") { Description = "alert: the message." };
        var area = new Option<int>("--area") { Description = "alert: area code, 0 for the whole municipality." };
        var severity = new Option<string>("--severity") { Description = "alert: information, advisory, warning, danger or evacuate.", DefaultValueFactory = _ => "warning" };
        var stations = new Option<string?>("--stations") { Description = "team-activation: station numbers, e.g. 1,4." };
        var areas = new Option<string?>("--areas") { Description = "team-activation: area numbers." };
        var teams = new Option<string?>("--teams") { Description = "team-activation: team numbers." };
        var from = new Option<string?>("--from") { Description = "team-activation: start (ISO 8601)." };
        var until = new Option<string?>("--until") { Description = "team-activation: end (ISO 8601)." };
        var period = new Option<int>("--period-hours") { Description = "distribution-rules: quota period in hours.", DefaultValueFactory = _ => 24 };
        var items = new Option<string[]>("--item")
        {
            Description = "distribution-rules: item:per-household:out-at-once:exceptions, item being battery-pack, food-parcel, water or CODE=Name (codes 128-255). Repeat per item.",
            AllowMultipleArgumentsPerToken = true,
        };
        var amount = new Option<uint>("--amount-sek") { Description = "reserve-activation: kronor to release." };
        var spendBy = new Option<string?>("--spend-by") { Description = "reserve-activation: deadline for spending (ISO 8601)." };
        var purpose = new Option<string?>("--purpose") { Description = "reserve-activation: what the money is for." };
        var addMember = new Option<string[]>("--add-member") { Description = "registry-update: a new member's .pub file.", AllowMultipleArgumentsPerToken = true };
        var rotate = new Option<string[]>("--rotate") { Description = "registry-update: INDEX=file.pub gives member INDEX a new key.", AllowMultipleArgumentsPerToken = true };
        var revoke = new Option<int[]>("--revoke") { Description = "registry-update: member index whose key counts for nothing from now on.", AllowMultipleArgumentsPerToken = true };
        var setPolicy = new Option<string[]>("--set-policy") { Description = "registry-update: kind=signatures/groups.", AllowMultipleArgumentsPerToken = true };
        var after = new Option<int>("--after") { Description = "registry-update: the sequence number of the registry update in force (0 if none since the genesis)." };
        var station = new Option<string[]>("--station") { Description = "registry-update: NUMBER=KEY registers a station's key: 64 hex digits, a station file (<journal>.station.json) or a .pub file.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("new", "Writes a new, unsigned order. Members then add their signatures with `skold order sign`.");
        foreach (Option option in new Option[] { kind, sequence, created, lifetime, output, text, area, severity, stations, areas, teams, from, until, period, items, amount, spendBy, purpose, addMember, rotate, revoke, setPolicy, after, station })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            int kindNumber = OrderKind.Parse(parse.GetValue(kind)!);
            if (kindNumber < OrderKind.Alert)
            {
                throw new UsageException("--kind must be alert, team-activation, distribution-rules, reserve-activation or registry-update (a genesis comes from `skold council init`)");
            }
            uint createdAt = CliInput.Time(parse.GetValue(created), "--created");
            IOrderBody body = kindNumber switch
            {
                OrderKind.Alert => new AlertBody(
                    AlertBody.ParseSeverity(parse.GetValue(severity)!) is int s and >= 0 ? s : throw new UsageException("--severity must be information, advisory, warning, danger or evacuate"),
                    parse.GetValue(area),
                    parse.GetValue(text) ?? throw new UsageException("an alert needs --text")),
                OrderKind.TeamActivation => new TeamActivationBody(
                    CliInput.Numbers(parse.GetValue(stations), "--stations"),
                    CliInput.Numbers(parse.GetValue(areas), "--areas"),
                    CliInput.Numbers(parse.GetValue(teams), "--teams"),
                    CliInput.Time(parse.GetValue(from) ?? throw new UsageException("a team activation needs --from"), "--from"),
                    CliInput.Time(parse.GetValue(until) ?? throw new UsageException("a team activation needs --until"), "--until")),
                OrderKind.DistributionRules => new DistributionRulesBody(parse.GetValue(period), ParseItems(parse.GetValue(items) ?? [])),
                OrderKind.ReserveActivation => new ReserveActivationBody(
                    parse.GetValue(amount),
                    CliInput.Time(parse.GetValue(spendBy) ?? throw new UsageException("a reserve activation needs --spend-by"), "--spend-by"),
                    parse.GetValue(purpose) ?? throw new UsageException("a reserve activation needs --purpose")),
                _ => RegistryUpdate(createdAt, parse.GetValue(after), parse.GetValue(addMember) ?? [], parse.GetValue(rotate) ?? [], parse.GetValue(revoke) ?? [], parse.GetValue(setPolicy) ?? [], parse.GetValue(station) ?? []),
            };
            int seq = parse.GetValue(sequence);
            if (seq < 1 || seq > Order.MaxSequence)
            {
                throw new UsageException($"--seq must be 1..{Order.MaxSequence}");
            }
            var newOrder = new Order(kindNumber, seq, createdAt, CliInput.Minutes(parse.GetValue(lifetime)!, "--lifetime"), body);
            string path = parse.GetValue(output)!;
            OrderFiles.Write(path, newOrder);
            PrintLines(io, OrderDescription.Lines(newOrder));
            io.Output.WriteLine($"Wrote {path}. Next: members sign it with `skold order sign {path} --key <their .key> --registry <genesis>`.");
            return 0;
        }));
        return command;
    }

    private static Command CreateSign(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "The order or genesis file; the signature is added to it." };
        var key = new Option<string>("--key") { Description = "Your .key file.", Required = true };
        var registry = new Option<string?>("--registry") { Description = "The council's genesis file (not needed to sign the genesis itself)." };
        var updates = UpdatesOption();
        var passphraseFile = new Option<string?>("--passphrase-file") { Description = $"Read the passphrase from this file (else ${CliInput.PassphraseVariable}, else a prompt)." };
        var output = new Option<string?>("--out") { Description = "Write the signed order here instead of back to the file." };
        var command = new Command("sign", "Adds your signature to an order (or to the genesis registry). Signing again replaces your earlier signature: a member counts once.");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { key, registry, updates, passphraseFile, output })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string path = parse.GetValue(file)!;
            Order order = OrderFiles.Read(path);
            var ed = new Ed25519();
            CouncilRegistry council = OrderFiles.RegistryFor(order, parse.GetValue(registry), parse.GetValue(updates) ?? [], ed, "sign");
            MemberKeyDocument document = MemberKeyFile.Read(parse.GetValue(key)!);
            byte[] seed = MemberKeyFile.Decrypt(document, CliInput.Passphrase(parse.GetValue(passphraseFile), io, confirm: false));
            Ed25519PrivateKey privateKey = ed.CreatePrivateKey(seed);
            Array.Clear(seed);
            int member = council.FindMember(privateKey.GetPublicKey());
            if (member < 0)
            {
                privateKey.Clear();
                throw new UsageException($"{document.Name}'s key is not a member of {council.CouncilName}");
            }
            order.SetSignature(member, ed.Sign(privateKey, council.SigningMessage(order)));
            privateKey.Clear();
            string outPath = parse.GetValue(output) ?? path;
            OrderFiles.Write(outPath, order);
            CouncilMember signer = council.Member(member);
            io.Output.WriteLine($"Signed {OrderKind.Name(order.Kind)} as member {member}, {signer.Name} ({CouncilGroup.Name(signer.Group)}); wrote {outPath}.");
            io.Output.WriteLine(council.Check(order, ed).Explain());
            return 0;
        }));
        return command;
    }

    private static Command CreateVerify(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "The order or genesis file." };
        var registry = new Option<string?>("--registry") { Description = "The council's genesis file (not needed to verify the genesis itself)." };
        var updates = UpdatesOption();
        var command = new Command("verify", "Checks who signed an order, from which groups, and whether its kind's policy is met (and if not, what is missing). Exit code 0 when met, 1 when not.");
        command.Arguments.Add(file);
        command.Options.Add(registry);
        command.Options.Add(updates);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            Order order = OrderFiles.Read(parse.GetValue(file)!);
            var ed = new Ed25519();
            CouncilRegistry council = OrderFiles.RegistryFor(order, parse.GetValue(registry), parse.GetValue(updates) ?? [], ed, "verify");
            PolicyCheck check = council.Check(order, ed);
            io.Output.WriteLine($"council   {council.CouncilName} (id {Convert.ToHexStringLower(council.CouncilId)[..16]}...)");
            io.Output.WriteLine($"order     {OrderKind.Name(order.Kind)}" + (order.Kind == OrderKind.Genesis ? "" : $" #{order.Sequence}, created {CliInput.FormatTime(order.Created)}, expires {CliInput.FormatTime(order.Expires)}"));
            for (int i = 0; i < council.MemberCount; i++)
            {
                CouncilMember m = council.Member(i);
                string state = order.Signature(i) == null ? "not signed"
                    : check.BadMember == i ? "signature does not verify"
                    : (check.CountedMask & (1u << i)) != 0 ? "signed, counts"
                    : check.Reason is RejectionReason.SignatureInvalid or RejectionReason.UnknownSigner ? "signed (not checked)"
                    : m.Revoked ? "signed, but revoked: counts for nothing"
                    : "signed, but the key was not valid when the order was created: counts for nothing";
                io.Output.WriteLine($"  {i,2} {m.Name,-20} {CouncilGroup.Name(m.Group),-14} {state}");
            }
            io.Output.WriteLine($"policy    {OrderKind.Name(order.Kind)} needs {check.Policy.MinSignatures} signatures from {check.Policy.MinGroups} groups");
            io.Output.WriteLine($"verdict   {check.Explain()}");
            return check.Met ? 0 : 1;
        }));
        return command;
    }

    private static Command CreateInspect(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "The order or genesis file (binary or skold-order: text)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("inspect", "Shows what an order says, without checking signatures.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            Order order = OrderFiles.Read(parse.GetValue(file)!);
            if (parse.GetValue(json))
            {
                io.Output.WriteLine(OrderDescription.Json(order).ToJsonString(OrderDescription.JsonOptions));
            }
            else
            {
                PrintLines(io, OrderDescription.Lines(order));
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateExport(CommandIO io)
    {
        var file = new Argument<string>("file") { Description = "The order or genesis file." };
        var qr = new Option<bool>("--qr") { Description = "Also draw it as a QR code in the terminal, for a phone camera." };
        var command = new Command("export", "Prints an order as one line of text (skold-order:<base64url>) to paste into a message, and optionally as a QR code.");
        command.Arguments.Add(file);
        command.Options.Add(qr);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string text = OrderFiles.ToText(OrderFiles.Read(parse.GetValue(file)!));
            io.Output.WriteLine(text);
            if (parse.GetValue(qr))
            {
                io.Output.WriteLine(QrText(text));
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateImport(CommandIO io)
    {
        var text = new Argument<string>("text") { Description = "The skold-order:... text, or - to read it from standard input." };
        var output = new Option<string>("--out") { Description = "Where to write the order file.", Required = true };
        var command = new Command("import", "Turns the text form of an order back into a file, checking that it decodes.");
        command.Arguments.Add(text);
        command.Options.Add(output);
        command.SetAction(parse => Guarded.Run(io, () =>
        {
            string value = parse.GetValue(text)!;
            if (value == "-")
            {
                value = io.Input.ReadToEnd();
            }
            Order order;
            try
            {
                order = Order.Decode(OrderFiles.FromText(value));
            }
            catch (Codec.MalformedDataException e)
            {
                throw new UsageException("the text is not a council order: " + e.Message);
            }
            OrderFiles.Write(parse.GetValue(output)!, order);
            PrintLines(io, OrderDescription.Lines(order));
            return 0;
        }));
        return command;
    }

    /// <summary>The text as a QR code in half-block characters, two modules per character cell.</summary>
    public static string QrText(string text)
    {
        using var generator = new QRCodeGenerator();
        using QRCodeData data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        using var ascii = new AsciiQRCode(data);
        return ascii.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }

    private static ItemRule[] ParseItems(string[] specs)
    {
        if (specs.Length == 0)
        {
            throw new UsageException("distribution rules need at least one --item, e.g. --item battery-pack:2:1:1");
        }
        var rules = new List<ItemRule>();
        foreach (string spec in specs)
        {
            string[] parts = spec.Split(':');
            if (parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int quota)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int maxOut)
                || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int exceptions))
            {
                throw new UsageException($"--item \"{spec}\": expected item:per-household:out-at-once:exceptions, e.g. food-parcel:1:0:1");
            }
            (int code, string? name) = parts[0] switch
            {
                "battery-pack" => (ItemRule.BatteryPack, (string?)null),
                "food-parcel" => (ItemRule.FoodParcel, null),
                "water" => (ItemRule.Water, null),
                var custom when custom.Split('=') is [var c, var n] && int.TryParse(c, out int number) && number >= ItemRule.FirstCustomCode && number <= 255 => (number, n),
                _ => throw new UsageException($"--item \"{spec}\": the item is battery-pack, food-parcel, water or CODE=Name with CODE 128..255"),
            };
            rules.Add(new ItemRule(code, name, quota, maxOut, exceptions));
        }
        rules.Sort((a, b) => a.Code.CompareTo(b.Code));
        return [.. rules];
    }

    // A station's key: 64 hex digits, a practice station file, or a .pub file from `skold key new`.
    private static byte[] StationPublicKey(string key)
    {
        if (key.Length == 64 && key.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(key);
        }
        if (key.EndsWith(".station.json", StringComparison.Ordinal))
        {
            Station.StationFile station = Station.StationFile.Load(key);
            return new Ed25519().CreatePrivateKey(station.Bytes(station.StationSeed, 32, "station seed")).GetPublicKey();
        }
        return Convert.FromHexString(OrderFiles.ReadMember(key).PublicKey!);
    }

    private static RegistryUpdateBody RegistryUpdate(uint created, int after, string[] addMembers, string[] rotations, int[] revocations, string[] policies, string[] stations)
    {
        var operations = new List<RegistryOperation>();
        foreach (string path in addMembers)
        {
            var member = OrderFiles.ReadMember(path);
            operations.Add(RegistryOperation.Add(new CouncilMember(member.Name!, CouncilGroup.Parse(member.Group!), Convert.FromHexString(member.PublicKey!), created, CouncilMember.Forever, false)));
        }
        foreach (string rotation in rotations)
        {
            string[] parts = rotation.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], out int index))
            {
                throw new UsageException($"--rotate \"{rotation}\": expected INDEX=file.pub");
            }
            var member = OrderFiles.ReadMember(parts[1]);
            operations.Add(RegistryOperation.Rotate(index, Convert.FromHexString(member.PublicKey!), created, CouncilMember.Forever));
        }
        foreach (int index in revocations)
        {
            operations.Add(RegistryOperation.Revoke(index));
        }
        foreach (string policy in policies)
        {
            var (kind, rule) = CouncilCommand.ParsePolicy(policy);
            operations.Add(RegistryOperation.ChangePolicy(kind, rule));
        }
        foreach (string spec in stations)
        {
            string[] parts = spec.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], out int number) || number < 0 || number > 65535)
            {
                throw new UsageException($"--station \"{spec}\": expected NUMBER=KEY with NUMBER 0..65535");
            }
            operations.Add(RegistryOperation.Station(number, StationPublicKey(parts[1])));
        }
        if (operations.Count == 0)
        {
            throw new UsageException("a registry update needs --add-member, --rotate, --revoke, --set-policy or --station");
        }
        return new RegistryUpdateBody(after, [.. operations]);
    }

    private static void PrintLines(CommandIO io, List<(string Label, string Value)> lines)
    {
        foreach (var (label, value) in lines)
        {
            io.Output.WriteLine($"{label,-10} {value}");
        }
    }
}
