using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Skold.Benchmarks;

/// <summary>The core's SHA-2 against .NET's (OpenSSL underneath) on a 1 KiB block of journal data.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Sha2Benchmarks
{
    private readonly byte[] _data = new byte[1024];
    private readonly byte[] _digest = new byte[64];
    private readonly Skold.Crypto.Sha256 _sha256 = new();
    private readonly Skold.Crypto.Sha512 _sha512 = new();

    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(_data);

    [Benchmark(Baseline = true), BenchmarkCategory("SHA-256")]
    public byte[] Sha256DotNet() => System.Security.Cryptography.SHA256.HashData(_data);

    [Benchmark, BenchmarkCategory("SHA-256")]
    public byte[] Sha256Core()
    {
        _sha256.Update(_data, 0, _data.Length);
        _sha256.Finish(_digest, 0);
        return _digest;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SHA-512")]
    public byte[] Sha512DotNet() => System.Security.Cryptography.SHA512.HashData(_data);

    [Benchmark, BenchmarkCategory("SHA-512")]
    public byte[] Sha512Core()
    {
        _sha512.Update(_data, 0, _data.Length);
        _sha512.Finish(_digest, 0);
        return _digest;
    }
}
