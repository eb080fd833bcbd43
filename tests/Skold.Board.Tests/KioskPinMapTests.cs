using System.Text.Json;
using System.Text.RegularExpressions;
using Skold.Board.Kiosk;

namespace Skold.Board.Tests;

[TestClass]
public class KioskPinMapTests
{
    private static string RepoFile(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(relative);
    }

    [TestMethod]
    public void ThePinMapIsTheOneInTheKioskWiringNotes()
    {
        string notes = File.ReadAllText(RepoFile("hardware/kiosk-wiring.md"));
        string json = Regex.Match(notes, "```json\\s*(\\{.*?\\})\\s*```", RegexOptions.Singleline).Groups[1].Value;
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        KioskPinMap map = KioskPinMap.ForName(root.GetProperty("board").GetString()!);
        JsonElement lora = root.GetProperty("lora");
        CollectionAssert.AreEqual(
            new[] { "sck", "miso", "mosi", "nss", "reset", "dio0" }.Select(k => lora.GetProperty(k).GetInt32()).ToArray(),
            new[] { map.Sck, map.Miso, map.Mosi, map.Nss, map.Reset, map.Dio0 });
        JsonElement lcd = root.GetProperty("lcd");
        Assert.AreEqual(lcd.GetProperty("rs").GetInt32(), map.LcdRs);
        Assert.AreEqual(lcd.GetProperty("e").GetInt32(), map.LcdE);
        CollectionAssert.AreEqual(new[] { "d4", "d5", "d6", "d7" }.Select(k => lcd.GetProperty(k).GetInt32()).ToArray(), map.LcdData);
        JsonElement keypad = root.GetProperty("keypad");
        CollectionAssert.AreEqual(keypad.GetProperty("rows").EnumerateArray().Select(e => e.GetInt32()).ToArray(), map.KeypadRows);
        CollectionAssert.AreEqual(keypad.GetProperty("cols").EnumerateArray().Select(e => e.GetInt32()).ToArray(), map.KeypadColumns);
        Assert.AreEqual(keypad.GetProperty("rows_shared_with_lcd").GetBoolean(), map.RowsShareLcdData);
        Assert.AreEqual(root.GetProperty("buzzer").GetInt32(), map.Buzzer);
        Assert.AreEqual(root.GetProperty("led_green").GetInt32(), map.LedGreen);
        Assert.AreEqual(root.GetProperty("led_red").GetInt32(), map.LedRed);
        Assert.AreEqual(root.GetProperty("led_amber").GetInt32(), map.LedAmber);
        JsonElement rtc = root.GetProperty("rtc_ds3231");
        Assert.AreEqual(rtc.GetProperty("scl").GetInt32(), map.I2cScl);
        Assert.AreEqual(rtc.GetProperty("sda").GetInt32(), map.I2cSda);
        Assert.AreEqual(0x68, rtc.GetProperty("address").GetInt32());
    }

    [TestMethod]
    public void NoPinIsUsedTwiceExceptTheSharedRowsAndNoneIsAFlashOrStrappingPin()
    {
        KioskPinMap map = KioskPinMap.ForName(KioskPinMap.KioskDevKitC);
        int[] pins = [map.Sck, map.Miso, map.Mosi, map.Nss, map.Reset, map.Dio0, map.LcdRs, map.LcdE, .. map.LcdData, .. map.KeypadColumns,
            map.Buzzer, map.LedGreen, map.LedRed, map.LedAmber];
        Assert.AreEqual(pins.Length, pins.Distinct().Count());
        int[] forbidden = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 15];
        Assert.IsFalse(pins.Intersect(forbidden).Any());
        // The optional DS3231 takes the two strapping pins whose boot level a pulled-up I2C line
        // keeps: GPIO 0 (high = run from flash) as SCL, which only the ESP32 drives, and GPIO 15
        // (high = ROM boot log on) as SDA. Never GPIO 2 (download mode needs it low) or 12 (high
        // selects 1.8 V flash on a WROOM-32).
        Assert.AreEqual((0, 15), (map.I2cScl, map.I2cSda));
        Assert.IsFalse(pins.Contains(map.I2cScl) || pins.Contains(map.I2cSda));
        int[] outputs = [map.Sck, map.Mosi, map.Nss, map.Reset, map.LcdRs, map.LcdE, .. map.LcdData, map.Buzzer, map.LedGreen, map.LedRed, map.LedAmber];
        Assert.IsFalse(outputs.Any(p => p >= 34), "GPIO 34-39 are inputs only");
        Assert.IsTrue(map.KeypadColumns.All(p => p >= 34) && map.ColumnsPulledUpExternally, "no internal pull-ups there");
    }

    [TestMethod]
    public void BoardsWithTooFewPinsAreRefusedWithWhereToLook()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => KioskPinMap.ForName("ttgo-lora32-v21"));
        StringAssert.Contains(e.Message, "hardware/kiosk-wiring.md");
        Assert.AreEqual(KioskPinMap.KioskDevKitC, KioskPinMap.ForName(KioskPinMap.RelayDevKitC).Name);
    }
}
