using System.CommandLine;
using System.Diagnostics;

namespace Skold.Fuzz;

public static class Program
{
    public static int Main(string[] args)
    {
        var count = new Option<long>("--count") { Description = "Inputs to try.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed replays the same inputs.", DefaultValueFactory = _ => 1 };
        var root = new RootCommand("Mutation fuzzing of the council order decoder: every input must decode canonically or be a clean format error.");
        root.Options.Add(count);
        root.Options.Add(seed);
        root.SetAction(parse =>
        {
            var fuzzer = new OrderFuzzer(parse.GetValue(seed));
            var stopwatch = Stopwatch.StartNew();
            try
            {
                fuzzer.Run(parse.GetValue(count));
            }
            catch (FuzzFailure failure)
            {
                Console.Error.WriteLine("FAILURE: " + failure.Message);
                Console.Error.WriteLine(failure.InnerException);
                return 1;
            }
            Console.WriteLine($"{fuzzer.Decoded + fuzzer.Rejected:N0} inputs in {stopwatch.Elapsed.TotalSeconds:N1} s: {fuzzer.Decoded:N0} decoded and re-encoded identically, {fuzzer.Rejected:N0} refused as malformed, 0 crashes");
            return 0;
        });
        return root.Parse(args).Invoke();
    }
}
