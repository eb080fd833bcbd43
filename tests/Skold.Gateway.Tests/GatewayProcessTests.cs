using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Gateway.Tests;

/// <summary>`skold gateway` as the council's technician starts it: a process, killed and started again on the same database.</summary>
[TestClass]
public class GatewayProcessTests
{
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<Process> StartGatewayAsync(Council council, string socket, string db, string listen)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "skold.exe" : "skold"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "gateway", "--port", socket, "--registry", council.Path("council.genesis"), "--update", council.Path("stations.order"),
                "--db", db, "--listen", listen },
        };
        Process gateway = Process.Start(start)!;
        string? line;
        do
        {
            line = await gateway.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        while (line is not null && !line.Contains("gateway of ", StringComparison.Ordinal));
        StringAssert.Contains(line, $"situation picture at http://{listen}/");
        return gateway;
    }

    private static async Task<Picture> WaitForAsync(string url, Func<Picture, bool> condition, string what)
    {
        using var http = new HttpClient();
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Picture picture = (await http.GetFromJsonAsync(url + "/api/picture", GatewayJsonContext.Default.Picture))!;
            if (condition(picture))
            {
                return picture;
            }
            Assert.IsTrue(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(200);
        }
    }

    [TestMethod]
    public async Task TheGatewayCommandSendsAnOrderAndAfterACrashReopensItsDatabase()
    {
        Council council = Council.Get();
        string config = council.Path("node19.json");
        File.WriteAllText(config, $$"""
            {"node_id": 19, "region": "eu868", "frequency_mhz": 869.525, "sf": 7, "bw_khz": 125, "cr": 5, "power_dbm": 14, "pa_boost": true,
             "registry": "{{council.Path("council.genesis")}}", "updates": ["{{council.Path("stations.order")}}"]}
            """);
        string socket = Path.Combine(Path.GetTempPath(), "skold-gwp-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        Task<(int, string, string)> node = Task.Run(() => Council.Cli("node", "run", "--config", config, "--radio", "sim", "--peers", "1",
            "--minutes", "120", "--speed", "60", "--host-link", socket));
        string db = council.Path("process-gateway.db");
        string listen = $"127.0.0.1:{FreePort()}";
        string url = "http://" + listen;
        string alert = council.Alert("Vattnet är tjänligt igen", 4, 6);

        Process gateway = await StartGatewayAsync(council, socket, db, listen);
        try
        {
            var (sent, output, error) = Council.Cli("order", "send", council.Path(alert), "--gateway", url);
            Assert.AreEqual(0, sent, output + error);
            await WaitForAsync(url, p => p.Orders.Any(o => o.State == "accepted" && o.Holders.Any(h => h.Node == 19)), "node 19 to accept the order");
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync();
        }

        gateway = await StartGatewayAsync(council, socket, db, listen);
        try
        {
            Picture picture = await WaitForAsync(url, p => p.Link.Connected && p.AttachedNode == 19, "the restarted gateway's link");
            OrderView kept = picture.Orders.Single();
            Assert.AreEqual("accepted", kept.State, "the order and the node's answer survive the crash");
            StringAssert.Contains(kept.Summary, "Vattnet är tjänligt igen");
            var (again, output, _) = Council.Cli("order", "send", council.Path(alert), "--gateway", url);
            Assert.AreEqual(0, again);
            StringAssert.Contains(output, "already known");
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync();
        }
        Assert.IsFalse(node.IsCompleted && node.Result.Item1 != 0, "the simulated node failed");
    }

    [TestMethod]
    public void ABrokenPositionsFileStopsTheGatewayWithWhereItIsBroken()
    {
        Council council = Council.Get();
        string positions = council.Path("broken-positions.json");
        File.WriteAllText(positions, """{"nodes": [{"id": 9, "name": "Rådhuset", "lat": 63.8, "lon": 200}]}""");
        var (exit, _, error) = Council.Cli("gateway", "--port", "/tmp/none.sock", "--registry", council.Path("council.genesis"), "--positions", positions);
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "broken-positions.json: nodes[0]: \"lon\" must be a number -180..180");
    }
}
