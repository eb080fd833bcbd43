using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Skold.Cli.Keys;
using Skold.Council;

namespace Skold.Cli.Commands;

/// <summary>`skold key new`: a council member's signing key, encrypted at rest, and the public file to share.</summary>
internal static class KeyCommand
{
    public static Command Create(CommandIO io)
    {
        var name = new Option<string>("--name") { Description = "The member's name, as the council knows them.", Required = true };
        var group = new Option<string>("--group") { Description = "municipal, police-rescue, civil-society or youth.", Required = true };
        var output = new Option<string>("--out") { Description = "Base path: writes <out>.key (secret, encrypted) and <out>.pub (share it).", Required = true };
        var passphraseFile = new Option<string?>("--passphrase-file") { Description = $"Read the passphrase from this file's first line (else ${CliInput.PassphraseVariable}, else a prompt)." };
        var iterations = new Option<int>("--kdf-iterations") { Description = "PBKDF2 iterations.", DefaultValueFactory = _ => MemberKeyFile.DefaultIterations };
        var newKey = new Command("new", "Creates a council member's Ed25519 key. The secret stays in <out>.key, encrypted under your passphrase; give <out>.pub to whoever sets up the council.");
        newKey.Options.Add(name);
        newKey.Options.Add(group);
        newKey.Options.Add(output);
        newKey.Options.Add(passphraseFile);
        newKey.Options.Add(iterations);
        newKey.SetAction(parse => Guarded.Run(io, () =>
        {
            int groupNumber = CouncilGroup.Parse(parse.GetValue(group)!);
            if (groupNumber < 0)
            {
                throw new UsageException("--group must be municipal, police-rescue, civil-society or youth");
            }
            string memberName = parse.GetValue(name)!;
            Codec.TextCodec.Encode(memberName);
            string basePath = parse.GetValue(output)!;
            string keyPath = basePath + ".key";
            string publicPath = basePath + ".pub";
            if (File.Exists(keyPath) || File.Exists(publicPath))
            {
                throw new UsageException($"{keyPath} or {publicPath} exists already; a key is never overwritten");
            }
            string passphrase = CliInput.Passphrase(parse.GetValue(passphraseFile), io, confirm: true);
            byte[] seed = RandomNumberGenerator.GetBytes(32);
            MemberKeyDocument document = MemberKeyFile.Create(seed, memberName, groupNumber, passphrase, parse.GetValue(iterations));
            CryptographicOperations.ZeroMemory(seed);
            MemberKeyFile.Write(keyPath, document);
            var publicFile = new MemberPublicFile(MemberPublicFile.FormatName, memberName, CouncilGroup.Name(groupNumber), document.PublicKey);
            File.WriteAllText(publicPath, JsonSerializer.Serialize(publicFile, KeyJsonContext.Readable.MemberPublicFile));
            io.Output.WriteLine($"{memberName} ({CouncilGroup.Name(groupNumber)}): public key {document.PublicKey}");
            io.Output.WriteLine($"  secret key {keyPath} (keep it; it is useless without the passphrase)");
            io.Output.WriteLine($"  public file {publicPath} (give it to whoever runs `skold council init`)");
            return 0;
        }));
        var key = new Command("key", "Council members' signing keys.");
        key.Subcommands.Add(newKey);
        return key;
    }
}
