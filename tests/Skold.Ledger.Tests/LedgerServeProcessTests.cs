using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Ledger.Tests;

/// <summary>`skold ledger serve` as an operator starts it: a process, a council's files, a port.</summary>
[TestClass]
public class LedgerServeProcessTests
{
    [TestMethod]
    public async Task TheServeCommandRunsALedgerThatKiosksAndCitizensUse()
    {
        var world = new LedgerWorld("sqlite");
        string dir = Directory.CreateTempSubdirectory("skold-serve-").FullName;
        File.WriteAllBytes(Path.Combine(dir, "council.genesis"), world.Genesis.Encode());
        File.WriteAllBytes(Path.Combine(dir, "stations.order"), world.StationsUpdate.Encode());
        int port = FreePort();
        string url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "skold.exe" : "skold"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "ledger", "serve", "--db", Path.Combine(dir, "ledger.db"), "--urls", url,
                "--registry", Path.Combine(dir, "council.genesis"), "--update", Path.Combine(dir, "stations.order") },
        };
        using Process server = Process.Start(start)!;
        try
        {
            // ASP.NET's own log lines come first on the console; wait for the ledger's.
            string? line;
            do
            {
                line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (line is not null && !line.StartsWith("Ledger of", StringComparison.Ordinal));
            StringAssert.StartsWith(line, "Ledger of Storby at " + url);
            StringAssert.Contains(line, "stations registered: 3");
            Assert.IsTrue(File.Exists(Path.Combine(dir, "ledger.db.ledger-key")), "the key is made beside the database");
            using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
            world.Http = http;
            LedgerWorld.Kiosk kiosk = world.NewKiosk(2).HandOut(1).HandOut(2).Sign();
            Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(2, kiosk.Bodies)).StatusCode);
            var output = new StringWriter();
            int exit = Cli.SkoldCommand.Run(["ledger", "verify", "--url", url], new StringReader(""), output, new StringWriter());
            Assert.AreEqual(0, exit, output.ToString());
            StringAssert.Contains(output.ToString(), $"{kiosk.Bodies.Count} entries");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
