using System.Runtime.InteropServices;
using NSec.Cryptography;

namespace Skold.Tests.Host;

/// <summary>
/// libsodium as the reference: signing through NSec, and verdicts straight from
/// crypto_sign_verify_detached (the native library NSec ships), so that keys NSec would
/// refuse to import still get libsodium's own answer.
/// </summary>
internal static class LibsodiumOracle
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    static LibsodiumOracle()
    {
        // NSec initialises libsodium on first use; touching the algorithm does that.
        _ = Algorithm.PublicKeySize;
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialise");
        }
    }

    public static string Version => Marshal.PtrToStringAnsi(sodium_version_string()) ?? "?";

    public static bool Verify(byte[] signature, byte[] message, byte[] publicKey)
    {
        if (signature.Length != 64 || publicKey.Length != 32)
        {
            return false;
        }
        bool native = crypto_sign_verify_detached(signature, message, (ulong)message.Length, publicKey) == 0;
        // Where NSec imports the key, its verdict must be the same as the native call's.
        if (PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out PublicKey? key) && key is not null)
        {
            bool viaNSec = Algorithm.Verify(key, message, signature);
            if (viaNSec != native)
            {
                throw new InvalidOperationException("NSec and libsodium disagree");
            }
        }
        return native;
    }

    public static (byte[] PublicKey, byte[] Signature) Sign(byte[] seed, byte[] message)
    {
        using Key key = Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
        return (key.PublicKey.Export(KeyBlobFormat.RawPublicKey), Algorithm.Sign(key, message));
    }

    [DllImport("libsodium", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sodium_init();

    [DllImport("libsodium", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sodium_version_string();

    [DllImport("libsodium", CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_verify_detached(byte[] sig, byte[] m, ulong mlen, byte[] pk);
}
