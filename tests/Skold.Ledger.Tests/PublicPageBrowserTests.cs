using System.Net;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Ledger.Tests;

/// <summary>The public page in a real headless browser: Debian's Chromium driven by Playwright.</summary>
[TestClass]
public class PublicPageBrowserTests
{
    private static string Chromium()
    {
        foreach (string path in new[] { Environment.GetEnvironmentVariable("SKOLD_CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (path.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }
        throw new AssertFailedException("Chromium is not installed (./test.sh installs it; or apt-get install chromium, or set SKOLD_CHROMIUM)");
    }

    [TestMethod]
    public async Task ACitizenSeesTotalsWithSmallCountsSuppressedAndChecksTheNewestEntry()
    {
        await using var world = new LedgerWorld("sqlite");
        await world.StartAsync();
        LedgerWorld.Kiosk one = world.NewKiosk(1);
        for (int i = 0; i < 7; i++)
        {
            one.HandOut(i);
        }
        LedgerWorld.Kiosk two = world.NewKiosk(2).HandOut(20).HandOut(21, Council.ItemRule.BatteryPack);
        Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(1, one.Sign().Bodies)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await world.UploadAsync(2, two.Sign().Bodies)).StatusCode);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        IPage page = await browser.NewPageAsync();
        IResponse? response = await page.GotoAsync(world.Http.BaseAddress!.ToString());
        Assert.AreEqual(200, response!.Status);
        Assert.AreEqual("Storby: where the aid went", await page.InnerTextAsync("h1"));
        IReadOnlyList<string> rows = await page.Locator("#totals tr").AllInnerTextsAsync();
        Assert.IsTrue(rows.Any(r => r.StartsWith("1\t", StringComparison.Ordinal) && r.Contains("food parcel") && r.EndsWith("\t7", StringComparison.Ordinal)), string.Join(" | ", rows));
        Assert.IsTrue(rows.Any(r => r.StartsWith("2\t", StringComparison.Ordinal) && r.Contains("food parcel") && r.EndsWith("<5", StringComparison.Ordinal)), "one parcel at station 2 is suppressed");
        StringAssert.Contains(await page.InnerTextAsync("#loans"), "<5");
        StringAssert.Contains(await page.InnerTextAsync("#checkpoint"), "ledger.storby.example/skold");
        StringAssert.StartsWith(await page.InnerTextAsync("#log-key"), "ledger.storby.example/skold+");

        await page.ClickAsync("#verify");
        await page.WaitForFunctionAsync("document.getElementById('verdict').textContent.length > 0");
        string verdict = await page.InnerTextAsync("#verdict");
        long size = long.Parse((await world.Http.GetStringAsync("checkpoint")).Split((char)10)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual($"verified: entry {size - 1} is in the log of {size} entries", verdict);
    }
}
