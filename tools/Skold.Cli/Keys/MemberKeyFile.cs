using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skold.Council;
using Skold.Crypto;

namespace Skold.Cli.Keys;

/// <summary>
/// A council member's signing key at rest: the Ed25519 seed encrypted with AES-256-GCM under a
/// key derived from a passphrase by PBKDF2-HMAC-SHA256 (600,000 iterations by default, as
/// OWASP advises for PBKDF2-SHA256), all from .NET's own cryptography. The member's name,
/// group and public key are the authenticated data, so none can be swapped unnoticed.
/// </summary>
public static class MemberKeyFile
{
    public const string Format = "skold-key-v1";
    public const int DefaultIterations = 600_000;
    public const int MinimumIterations = 100_000;

    public static MemberKeyDocument Create(byte[] seed, string name, int group, string passphrase, int iterations)
    {
        if (iterations < MinimumIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), $"at least {MinimumIterations:N0} PBKDF2 iterations");
        }
        byte[] publicKey = new Ed25519().CreatePrivateKey(seed).GetPublicKey();
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        byte[] key = DeriveKey(passphrase, salt, iterations);
        byte[] ciphertext = new byte[seed.Length];
        byte[] tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, seed, ciphertext, tag, AssociatedData(name, group, publicKey));
        }
        CryptographicOperations.ZeroMemory(key);
        return new MemberKeyDocument(Format, name, CouncilGroup.Name(group), Convert.ToHexStringLower(publicKey),
            new KdfParameters("pbkdf2-hmac-sha256", iterations, Convert.ToBase64String(salt)),
            new CipherParameters("aes-256-gcm", Convert.ToBase64String(nonce), Convert.ToBase64String(ciphertext), Convert.ToBase64String(tag)));
    }

    /// <summary>The seed, or a KeyFileException saying why not (wrong passphrase, damaged or unknown file).</summary>
    public static byte[] Decrypt(MemberKeyDocument document, string passphrase)
    {
        if (document.Format != Format || document.Kdf?.Name != "pbkdf2-hmac-sha256" || document.Cipher?.Name != "aes-256-gcm")
        {
            throw new KeyFileException("not a Skold key file (expected " + Format + " with PBKDF2 and AES-256-GCM)");
        }
        int group = CouncilGroup.Parse(document.Group ?? "");
        if (group < 0 || document.Kdf.Iterations < MinimumIterations)
        {
            throw new KeyFileException("the key file is damaged (group or KDF parameters)");
        }
        try
        {
            byte[] publicKey = Convert.FromHexString(document.PublicKey ?? "");
            byte[] salt = Convert.FromBase64String(document.Kdf.Salt ?? "");
            byte[] nonce = Convert.FromBase64String(document.Cipher.Nonce ?? "");
            byte[] ciphertext = Convert.FromBase64String(document.Cipher.Ciphertext ?? "");
            byte[] tag = Convert.FromBase64String(document.Cipher.Tag ?? "");
            byte[] key = DeriveKey(passphrase, salt, document.Kdf.Iterations);
            byte[] seed = new byte[ciphertext.Length];
            using (var aes = new AesGcm(key, tag.Length))
            {
                aes.Decrypt(nonce, ciphertext, tag, seed, AssociatedData(document.Name ?? "", group, publicKey));
            }
            CryptographicOperations.ZeroMemory(key);
            if (seed.Length != Ed25519.SeedSize || !new Ed25519().CreatePrivateKey(seed).GetPublicKey().AsSpan().SequenceEqual(publicKey))
            {
                throw new KeyFileException("the key file is damaged (its seed does not match its public key)");
            }
            return seed;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new KeyFileException("wrong passphrase, or the key file was altered");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            throw new KeyFileException("the key file is damaged: " + e.Message);
        }
    }

    public static void Write(string path, MemberKeyDocument document)
    {
        string json = JsonSerializer.Serialize(document, KeyJsonContext.Readable.MemberKeyDocument);
        // Owner-only where the file system has permissions.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(json);
    }

    public static MemberKeyDocument Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), KeyJsonContext.Default.MemberKeyDocument)
                ?? throw new KeyFileException(path + " is empty");
        }
        catch (JsonException e)
        {
            throw new KeyFileException(path + " is not a key file: " + e.Message);
        }
    }

    private static byte[] DeriveKey(string passphrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static byte[] AssociatedData(string name, int group, byte[] publicKey) =>
        Encoding.UTF8.GetBytes(Format + "\n" + name + "\n" + CouncilGroup.Name(group) + "\n" + Convert.ToHexStringLower(publicKey));
}

public sealed record MemberKeyDocument(string? Format, string? Name, string? Group, string? PublicKey, KdfParameters? Kdf, CipherParameters? Cipher);

public sealed record KdfParameters(string? Name, int Iterations, string? Salt);

public sealed record CipherParameters(string? Name, string? Nonce, string? Ciphertext, string? Tag);

/// <summary>A council member's public identity, shared with whoever builds the genesis.</summary>
public sealed record MemberPublicFile(string? Format, string? Name, string? Group, string? PublicKey)
{
    public const string FormatName = "skold-member-v1";
}

public sealed class KeyFileException(string message) : Exception(message);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MemberKeyDocument))]
[JsonSerializable(typeof(MemberPublicFile))]
internal sealed partial class KeyJsonContext : JsonSerializerContext
{
    /// <summary>The generated metadata, writing names such as "Åsa" as they are.</summary>
    public static readonly KeyJsonContext Readable = new(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
