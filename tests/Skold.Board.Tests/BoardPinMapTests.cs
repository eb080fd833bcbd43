using System.Text.Json;
using Skold.Board.Boards;

namespace Skold.Board.Tests;

[TestClass]
public sealed class BoardPinMapTests
{
    /// <summary>The JSON pin maps in hardware/boards.md, the document technicians read.</summary>
    private static List<JsonElement> DocumentedMaps()
    {
        string doc = RepoFiles.Read("hardware/boards.md");
        var maps = new List<JsonElement>();
        int at = 0;
        while ((at = doc.IndexOf("```json", at, StringComparison.Ordinal)) >= 0)
        {
            int end = doc.IndexOf("```", at + 7, StringComparison.Ordinal);
            string block = doc[(at + 7)..end];
            int depth = 0;
            int start = -1;
            for (int i = 0; i < block.Length; i++)
            {
                if (block[i] == '{')
                {
                    if (depth++ == 0)
                    {
                        start = i;
                    }
                }
                else if (block[i] == '}' && --depth == 0)
                {
                    maps.Add(JsonDocument.Parse(block[start..(i + 1)]).RootElement.Clone());
                }
            }
            at = end + 3;
        }
        return maps;
    }

    private static int Pin(JsonElement map, string name) =>
        map.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : BoardPinMap.None;

    [TestMethod]
    public void EveryBoardInTheHardwareGuideHasTheSamePinsInTheFirmware()
    {
        List<JsonElement> maps = DocumentedMaps();
        Assert.AreEqual(4, maps.Count, "hardware/boards.md documents four pin maps");
        CollectionAssert.AreEquivalent(maps.Select(m => m.GetProperty("board").GetString()).ToArray(), BoardPinMap.Names);
        foreach (JsonElement doc in maps)
        {
            string name = doc.GetProperty("board").GetString()!;
            BoardPinMap map = BoardPinMap.ForName(name);
            JsonElement lora = doc.GetProperty("lora");
            Assert.AreEqual(lora.GetProperty("sck").GetInt32(), map.Sck, name + " sck");
            Assert.AreEqual(lora.GetProperty("miso").GetInt32(), map.Miso, name + " miso");
            Assert.AreEqual(lora.GetProperty("mosi").GetInt32(), map.Mosi, name + " mosi");
            Assert.AreEqual(lora.GetProperty("nss").GetInt32(), map.Nss, name + " nss");
            Assert.AreEqual(lora.GetProperty("reset").GetInt32(), map.Reset, name + " reset");
            Assert.AreEqual(lora.GetProperty("dio0").GetInt32(), map.Dio0, name + " dio0");
            Assert.AreEqual(Pin(doc, "battery_adc"), map.BatteryAdcPin, name + " battery pin");
            Assert.AreEqual(Pin(doc, "led"), map.Led, name + " led");
            Assert.AreEqual(Pin(doc, "button"), map.Button, name + " button");
            Assert.AreEqual(Pin(doc, "vext"), map.Vext, name + " vext");
            decimal divider = doc.GetProperty("battery_divider").GetDecimal();
            Assert.AreEqual(divider, (decimal)map.DividerNumerator / map.DividerDenominator, name + " divider");
            JsonElement link = doc.GetProperty("host_link");
            Assert.AreEqual(link.GetProperty("rx").GetInt32(), map.HostLinkRx, name + " host link rx");
            Assert.AreEqual(link.GetProperty("tx").GetInt32(), map.HostLinkTx, name + " host link tx");
        }
    }

    [TestMethod]
    public void NoBoardUsesOnePinForTwoJobsOrAFlashPin()
    {
        foreach (string name in BoardPinMap.Names)
        {
            BoardPinMap m = BoardPinMap.ForName(name);
            int[] pins = [m.Sck, m.Miso, m.Mosi, m.Nss, m.Reset, m.Dio0, m.Led, m.Button, m.BatteryAdcPin, m.Vext, m.HostLinkRx, m.HostLinkTx];
            int[] used = pins.Where(p => p != BoardPinMap.None).ToArray();
            Assert.AreEqual(used.Length, used.Distinct().Count(), name + " uses a pin twice");
            Assert.IsFalse(used.Any(p => p is >= 6 and <= 11), name + " touches the SPI flash pins 6-11");
            Assert.IsFalse(used.Contains(1) || used.Contains(3), name + " touches the USB serial port (GPIO 1 and 3)");
            // Outputs cannot be on the input-only pins 34-39.
            int[] outputs = [m.Sck, m.Mosi, m.Nss, m.Reset, m.Led, m.Vext, m.HostLinkTx];
            Assert.IsFalse(outputs.Any(p => p is >= 34 and <= 39), name + " drives an input-only pin");
        }
    }

    [TestMethod]
    public void AnUnknownBoardNameIsRefusedWithTheKnownNames()
    {
        BoardException e = Assert.ThrowsExactly<BoardException>(() => BoardPinMap.ForName("ttgo-lora32-v1"));
        StringAssert.Contains(e.Message, "\"ttgo-lora32-v1\"");
        foreach (string name in BoardPinMap.Names)
        {
            StringAssert.Contains(e.Message, name);
        }
        Assert.ThrowsExactly<BoardException>(() => BoardPinMap.ForName(""));
        Assert.ThrowsExactly<BoardException>(() => BoardPinMap.ForName("TTGO-LORA32-V21"), "names are exact, as skold provision writes them");
    }

    [TestMethod]
    public void BatteryPinsMapToNanoFrameworkAdcChannels()
    {
        // nf-interpreter ESP32_DeviceMapping.cpp: channels 0-7 = GPIO 36,37,38,39,32,33,34,35; 10-19 = ADC2.
        Assert.AreEqual(7, BoardPinMap.ForName(BoardPinMap.TtgoLora32V21).BatteryAdcChannel);
        Assert.AreEqual(14, BoardPinMap.ForName(BoardPinMap.HeltecV2).BatteryAdcChannel, "GPIO 13 is ADC2 channel 4 (Meshtastic: ADC_CHANNEL_4, unit 2)");
        Assert.AreEqual(1, BoardPinMap.ForName(BoardPinMap.HeltecV21).BatteryAdcChannel, "GPIO 37 is ADC1 channel 1");
        Assert.AreEqual(7, BoardPinMap.ForName(BoardPinMap.DevKitCRfm95w).BatteryAdcChannel);
        Assert.IsTrue(Esp32Adc.IsAdc2(Esp32Adc.ChannelForGpio(13)));
        Assert.IsFalse(Esp32Adc.IsAdc2(Esp32Adc.ChannelForGpio(35)));
        Assert.AreEqual(Esp32Adc.NoChannel, Esp32Adc.ChannelForGpio(5), "GPIO 5 has no ADC");
        Assert.AreEqual(Esp32Adc.NoChannel, Esp32Adc.ChannelForGpio(-1));
    }
}
