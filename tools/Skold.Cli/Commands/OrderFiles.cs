using Skold.Cli.Keys;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Cli.Commands;

/// <summary>
/// Orders on disk and in text. A file holds the binary encoding, or the text form
/// "skold-order:" + base64url, which also fits a chat message or a QR code.
/// </summary>
internal static class OrderFiles
{
    public const string TextPrefix = "skold-order:";

    public static Order Read(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
        string? text = TryText(data);
        if (text is not null)
        {
            data = FromText(text);
        }
        try
        {
            return Order.Decode(data);
        }
        catch (MalformedDataException e)
        {
            throw new UsageException($"{path} is not a council order: {e.Message}");
        }
    }

    public static void Write(string path, Order order) => File.WriteAllBytes(path, order.Encode());

    public static string ToText(Order order) => TextPrefix + Base64Url(order.Encode());

    public static byte[] FromText(string text)
    {
        string body = text.Trim();
        if (body.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            body = body[TextPrefix.Length..];
        }
        string padded = body.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new UsageException("the text is not an order in skold-order:<base64url> form");
        }
    }

    /// <summary>The registry from a genesis file, with the given registry updates applied in order, each checked against the registry before it.</summary>
    public static CouncilRegistry Registry(string genesisPath, IEnumerable<string> updatePaths, Ed25519 ed)
    {
        Order genesis = Read(genesisPath);
        if (genesis.Kind != OrderKind.Genesis)
        {
            throw new UsageException($"{genesisPath} is a {OrderKind.Name(genesis.Kind)} order, not a genesis registry");
        }
        CouncilRegistry registry = CouncilRegistry.FromGenesis(genesis);
        PolicyCheck founding = registry.Check(genesis, ed);
        if (!founding.Met)
        {
            throw new UsageException($"{genesisPath}: the genesis is not in force yet: {founding.Explain()}");
        }
        foreach (string path in updatePaths)
        {
            Order update = Read(path);
            if (update.Kind != OrderKind.RegistryUpdate)
            {
                throw new UsageException($"{path} is not a registry update");
            }
            int after = ((RegistryUpdateBody)update.Body).AfterSequence;
            if (after != registry.Sequence)
            {
                throw new UsageException($"{path} follows registry update {after}, but the updates before it leave the registry at {registry.Sequence}: give every --update in order");
            }
            PolicyCheck check = registry.Check(update, ed);
            if (!check.Met)
            {
                throw new UsageException($"{path}: {check.Explain()}");
            }
            try
            {
                registry = registry.Apply((RegistryUpdateBody)update.Body, update.Sequence);
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException($"{path}: {e.Message}");
            }
        }
        return registry;
    }

    /// <summary>The registry an order is judged by: the genesis itself, or the given genesis file and its updates.</summary>
    public static CouncilRegistry RegistryFor(Order order, string? genesisPath, IEnumerable<string> updatePaths, Ed25519 ed, string verb)
    {
        if (order.Kind == OrderKind.Genesis)
        {
            return CouncilRegistry.FromGenesis(order);
        }
        return Registry(genesisPath ?? throw new UsageException($"--registry <genesis file> is needed to {verb} an order"), updatePaths, ed);
    }

    public static MemberPublicFile ReadMember(string path)
    {
        try
        {
            var member = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(path), KeyJsonContext.Default.MemberPublicFile);
            if (member?.Format != MemberPublicFile.FormatName || CouncilGroup.Parse(member.Group ?? "") < 0 || member.PublicKey?.Length != 64)
            {
                throw new UsageException($"{path} is not a member file (made by `skold key new`)");
            }
            return member;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new UsageException($"{path} is not a member file: {e.Message}");
        }
    }

    private static string? TryText(byte[] data)
    {
        if (data.Length < TextPrefix.Length)
        {
            return null;
        }
        string start = System.Text.Encoding.ASCII.GetString(data, 0, TextPrefix.Length);
        return start == TextPrefix ? System.Text.Encoding.ASCII.GetString(data) : null;
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
