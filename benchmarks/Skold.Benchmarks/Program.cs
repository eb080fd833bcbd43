using BenchmarkDotNet.Running;

namespace Skold.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Skold.Benchmarks -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
