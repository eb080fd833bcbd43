using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NSec.Cryptography;
using CoreEd25519 = Skold.Crypto.Ed25519;

namespace Skold.Benchmarks;

/// <summary>
/// The core's Ed25519 against libsodium (NSec) on the same keys and a 150-byte message,
/// about the size of a signed council order. libsodium is the baseline: the Ratio column
/// says how many times slower the portable C# is.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Ed25519Benchmarks
{
    private readonly CoreEd25519 _core = new();
    private readonly SignatureAlgorithm _sodium = SignatureAlgorithm.Ed25519;
    private byte[] _message = [];
    private byte[] _signature = [];
    private byte[] _rawPublicKey = [];
    private byte[] _seed = [];
    private NSec.Cryptography.PublicKey _sodiumPublicKey = null!;
    private Key _sodiumKey = null!;
    private Skold.Crypto.Ed25519PrivateKey _coreKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _message = new byte[150];
        random.NextBytes(_message);
        _seed = new byte[32];
        random.NextBytes(_seed);
        _sodiumKey = Key.Import(_sodium, _seed, KeyBlobFormat.RawPrivateKey);
        _sodiumPublicKey = _sodiumKey.PublicKey;
        _rawPublicKey = _sodiumPublicKey.Export(KeyBlobFormat.RawPublicKey);
        _signature = _sodium.Sign(_sodiumKey, _message);
        _coreKey = _core.CreatePrivateKey(_seed);
    }

    [GlobalCleanup]
    public void Cleanup() => _sodiumKey.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool VerifyLibsodium() => _sodium.Verify(_sodiumPublicKey, _message, _signature);

    [Benchmark, BenchmarkCategory("Verify")]
    public bool VerifyCore() => _core.Verify(_signature, _message, _rawPublicKey);

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] SignLibsodium() => _sodium.Sign(_sodiumKey, _message);

    [Benchmark, BenchmarkCategory("Sign")]
    public byte[] SignCore() => _core.Sign(_coreKey, _message);
}
