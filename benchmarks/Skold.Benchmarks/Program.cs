using BenchmarkDotNet.Running;

namespace Skold.Benchmarks;

public static class Program
{
    // dotnet run -c Release --project benchmarks/Skold.Benchmarks -- --filter '*'
    // dotnet run -c Release --project benchmarks/Skold.Benchmarks -- ledger-ingest [records] [stations]
    // dotnet run -c Release --project benchmarks/Skold.Benchmarks -- heap
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ledger-ingest")
        {
            int records = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            int stations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            LedgerIngestBench.Run(records, stations);
            return;
        }
        if (args.Length > 0 && args[0] == "heap")
        {
            Environment.Exit(Heap.HeapBench.Run(args[1..]));
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
