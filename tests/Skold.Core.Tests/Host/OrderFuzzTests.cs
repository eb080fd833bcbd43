using Microsoft.VisualStudio.TestTools.UnitTesting;
using Skold.Fuzz;

namespace Skold.Tests.Host;

[TestClass]
public class OrderFuzzTests
{
    [TestMethod]
    public void HundredThousandMutatedOrdersDecodeCanonicallyOrFailCleanly()
    {
        var fuzzer = new OrderFuzzer(seed: 2026);
        fuzzer.Run(100_000);
        // Both outcomes occur, so the fuzzer reaches past the first bytes.
        Assert.IsGreaterThan(1000L, fuzzer.Decoded);
        Assert.IsGreaterThan(1000L, fuzzer.Rejected);
    }
}
