using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Gateway.Tests;

/// <summary>
/// The README's council gateway walkthrough: `skold node run --radio sim --host-link` runs node 9
/// after two simulated relays (60000, 60001) in a line, the first of which carries station 3's
/// reports; the gateway holds the link, a member's signed order goes in with `skold order send`,
/// and the picture shows it held node by node and the station's reports coming back.
/// </summary>
[TestClass]
public class EndToEndTests
{
    private static Council _council = null!;
    private static GatewayHost _host = null!;
    private static Task<(int, string, string)> _node = null!;
    private static string _url = "";
    private static string _outbox = "";
    private static string _alert = "";

    [ClassInitialize]
    public static async Task StartNodeAndGateway(TestContext _)
    {
        _council = Council.Get();
        string config = _council.Path("node9.json");
        File.WriteAllText(config, $$"""
            {"node_id": 9, "region": "eu868", "frequency_mhz": 869.525, "sf": 7, "bw_khz": 125, "cr": 5, "power_dbm": 14, "pa_boost": true,
             "registry": "{{_council.Path("council.genesis")}}", "updates": ["{{_council.Path("stations.order")}}"]}
            """);
        string socket = Path.Combine(Path.GetTempPath(), "skold-gw-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        // 60x: a beacon interval (15 virtual minutes) passes in 15 s; the station reports every 3 virtual minutes.
        _node = Task.Run(() => Council.Cli("node", "run", "--config", config, "--radio", "sim", "--peers", "2", "--minutes", "240", "--speed", "60",
            "--host-link", socket, "--station", "3=" + _council.StationKeyFile, "--report-minutes", "3"));
        string positions = _council.Path("positions.json");
        File.WriteAllText(positions, """
            {"nodes": [{"id": 9, "name": "Rådhuset", "lat": 63.8258, "lon": 20.2630},
                       {"id": 60001, "name": "Vattentornet", "lat": 63.8330, "lon": 20.2810},
                       {"id": 60000, "name": "Skolan", "lat": 63.8401, "lon": 20.3005}]}
            """);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _url = $"http://127.0.0.1:{port}";
        _outbox = _council.Path("outbox");
        _host = GatewayHost.Create(new GatewayHostOptions
        {
            Connector = GatewayHost.Connector(socket, 115200),
            Registry = _council.Registry,
            Database = _council.Path("gateway.db"),
            Listen = $"127.0.0.1:{port}",
            Outbox = _outbox,
            Positions = NodePositions.Load(positions),
            StatusEvery = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(1),
        }, _ => { });
        await _host.App.StartAsync();
        _alert = _council.Alert("Värmestuga öppen i Ålidhems skola", 1, 5);
    }

    [ClassCleanup]
    public static async Task StopGateway()
    {
        await _host.DisposeAsync();
    }

    private static async Task<Picture> PictureAsync()
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync(_url + "/api/picture", GatewayJsonContext.Default.Picture))!;
    }

    private static async Task<Picture> WaitForAsync(Func<Picture, bool> condition, string what, int seconds = 90)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            Picture picture = await PictureAsync();
            if (condition(picture))
            {
                return picture;
            }
            Assert.IsFalse(_node.IsCompleted, "the simulated node stopped: " + (_node.IsCompleted ? _node.Result.Item3 : ""));
            Assert.IsTrue(DateTime.UtcNow < deadline, $"timed out waiting for {what}: {System.Text.Json.JsonSerializer.Serialize(picture, GatewayJsonContext.Default.Picture)}");
            await Task.Delay(250);
        }
    }

    private static readonly object SendGate = new();
    private static string? _sentId;

    /// <summary>The member's order, sent once for all tests of this class.</summary>
    private static string SendTheAlert()
    {
        lock (SendGate)
        {
            if (_sentId is null)
            {
                var (exit, output, error) = Council.Cli("order", "send", _council.Path(_alert), "--gateway", _url);
                Assert.AreEqual(0, exit, output + error);
                StringAssert.StartsWith(output, "sent: order ");
                _sentId = output.Split(' ')[2].TrimEnd(':');
            }
            return _sentId;
        }
    }

    [TestMethod]
    public async Task AnOrderSentWithSkoldOrderSendSpreadsNodeByNodeAndStationReportsComeBack()
    {
        string id = SendTheAlert();
        Picture picture = await WaitForAsync(p => p.Orders.Any(o => o.Id == id && o.Holders.Any(h => h.Node == 9) && o.Holders.Any(h => h.Node == 60001))
            && p.Stations.Any(s => s.Station == 3 && s.Verified), "node 9 and relay 60001 to hold the order and station 3 to report");
        OrderView order = picture.Orders.Single(o => o.Id == id);
        Assert.AreEqual("accepted", order.State, "the node's answer is recorded");
        Assert.AreEqual(9, order.Holders[0].Node, "the gateway's own node holds it first");
        StringAssert.StartsWith(order.Holders[0].Evidence, "answered");
        Assert.AreEqual(9, picture.AttachedNode);
        StationView station = picture.Stations.Single(s => s.Station == 3);
        Assert.IsTrue(station.HouseholdsServed > 0);
        Assert.AreEqual(60001, station.Via, "the report came over the relay next to the gateway's node");
        CollectionAssert.AreEquivalent(new[] { 1, 2 }, station.Items.Select(i => i.Code).ToArray());
        Assert.IsTrue(_host.Store.Count("heard") > 0 && _host.Store.Count("reports") > 0);

        // Relay health: the neighbour's beacon tells battery, headroom and who it hears.
        picture = await WaitForAsync(p => p.Nodes.Any(n => n.Node == 60001 && n.Neighbours.Contains(9) && n.Neighbours.Contains(60000))
            && p.Orders.Single(o => o.Id == id).Holders.Any(h => h.Node == 60001 && h.Evidence.Contains("beacon"))
            && p.Orders.Single(o => o.Id == id).Holders.Any(h => h.Node == 9 && h.Evidence.Contains("status")), "relay 60001's beacon and node 9's status with the order in their digests");
        NodeView relay = picture.Nodes.Single(n => n.Node == 60001);
        Assert.AreEqual("matched", relay.Holdings);
        Assert.IsNotNull(relay.HeadroomPercent);
        Assert.IsTrue(picture.Links.Any(l => l.A == 9 && l.B == 60001) && picture.Links.Any(l => l.A == 60000 && l.B == 60001));

        // The same order again is not sent twice; a refused one through the outbox is kept with its reason.
        var (again, againOutput, _) = Council.Cli("order", "send", _council.Path(_alert), "--gateway", _url);
        Assert.AreEqual(0, again);
        StringAssert.Contains(againOutput, "already known");
        string forged = _council.Alert("Falskt larm", 2);
        File.Copy(_council.Path(forged), Path.Combine(_outbox, "falskt.order"));
        await WaitForAsync(p => p.Refusals.Any(r => r.Origin == "outbox falskt.order"), "the outbox refusal", 20);
        Assert.IsTrue(File.Exists(Path.Combine(_outbox, "refused", "falskt.order")));
        StringAssert.Contains(File.ReadAllText(Path.Combine(_outbox, "refused", "falskt.order.reason.txt")), "R8");
    }

    [TestMethod]
    public void AnOrderThatMissesThePolicyIsRefusedBySkoldOrderSendWithTheReason()
    {
        string oneGroup = _council.Alert("Bara kommunledningen", 0, 1);
        var (exit, output, _) = Council.Cli("order", "send", _council.Path(oneGroup), "--gateway", _url);
        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "REFUSED by the gateway, not sent: R8 policy not met: 2 valid signature(s) of 2 needed, from 1 group(s) of 2 needed");
        StringAssert.Contains(output, "missing 1 more group(s)");
        var (down, _, downError) = Council.Cli("order", "send", _council.Path(oneGroup), "--gateway", "http://127.0.0.1:9");
        Assert.AreEqual(2, down);
        StringAssert.Contains(downError, "cannot reach the gateway");
    }

    private static string? Chromium()
    {
        foreach (string path in new[] { Environment.GetEnvironmentVariable("SKOLD_CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (path.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    [TestMethod]
    public async Task ThePictureInHeadlessChromiumShowsTheOrderItsHoldersTheStationAndTheMapAndRefreshesItself()
    {
        string? chromium = Chromium();
        if (chromium is null)
        {
            // test.sh installs it; a browser test never skips silently.
            Assert.Fail("Chromium is not installed (./test.sh installs it; or apt-get install chromium, or set SKOLD_CHROMIUM)");
        }
        string id = SendTheAlert();
        await WaitForAsync(p => p.Orders.Any(o => o.Id == id && o.Holders.Any(h => h.Node == 60001)) && p.Stations.Any(s => s.Station == 3 && s.Verified),
            "the order held by relay 60001 and a station report");

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        IPage page = await browser.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_url, StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        IResponse? response = await page.GotoAsync(_url + "/");
        Assert.AreEqual(200, response!.Status);
        StringAssert.StartsWith(await page.InnerTextAsync("h1"), "Lägesbild");
        string row = await page.InnerTextAsync($"#orders tr[data-id='{id}']");
        StringAssert.Contains(row, "Värmestuga öppen i Ålidhems skola");
        StringAssert.Contains(await page.InnerTextAsync($"#orders tr[data-id='{id}'] .holders"), "Rådhuset");
        StringAssert.Contains(await page.InnerTextAsync($"#orders tr[data-id='{id}'] .holders"), "Vattentornet");
        string station = await page.InnerTextAsync("#stations tr[data-station='3']");
        StringAssert.Contains(station, "V");
        StringAssert.Contains(station, "food parcel");
        StringAssert.Contains(await page.InnerTextAsync("#relays tr[data-node='60001']"), "Rådhuset");
        Assert.AreEqual(3, await page.Locator("#map g.node").CountAsync());
        Assert.IsTrue(await page.Locator("#map line.link").CountAsync() >= 2);
        Assert.AreEqual("#2a2", await page.GetAttributeAsync("#map g.node[data-node='60001'] circle", "fill"), "the relay holding the newest order is green");

        // It refreshes by itself: the time it shows moves on without a reload.
        string before = await page.InnerTextAsync("#updated");
        await page.WaitForFunctionAsync($"document.getElementById('updated').textContent !== '{before}'", null, new PageWaitForFunctionOptions { Timeout = 15000 });
        Assert.AreEqual(0, outside.Count, "nothing is loaded from outside the gateway: " + string.Join(", ", outside));
    }
}
