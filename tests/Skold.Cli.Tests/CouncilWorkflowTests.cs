using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Skold.Cli.Tests;

/// <summary>
/// The README's council walkthrough, run through the CLI alone: eight members make keys, the
/// genesis is built and signed, orders are created, signed, verified and passed on as text.
/// </summary>
[TestClass]
public class CouncilWorkflowTests
{
    private static readonly string[] Members = ["Anna:municipal", "Bo:municipal", "Cecilia:police-rescue", "David:police-rescue", "Elif:civil-society", "Farid:civil-society", "Greta:youth", "Åsa:youth"];
    private static string _dir = "";

    [ClassInitialize]
    public static void MakeKeysAndCouncil(TestContext _)
    {
        _dir = Directory.CreateTempSubdirectory("skold-council-").FullName;
        File.WriteAllText(Path("pass"), "correct horse battery staple\n");
        File.WriteAllText(Path("wrong-pass"), "incorrect horse battery staple\n");
        for (int i = 0; i < Members.Length; i++)
        {
            string[] parts = Members[i].Split(':');
            Ok(Cli("key", "new", "--name", parts[0], "--group", parts[1], "--out", Path("m" + i), "--passphrase-file", Path("pass"), "--kdf-iterations", "100000"));
        }
        Ok(Cli(["council", "init", "--name", "Storby samordningsråd", "--fund-sek", "10000000", "--created", "2026-11-24T00:00Z", "--out", Path("council.genesis"), "--member", .. Enumerable.Range(0, 8).Select(i => Path("m" + i + ".pub"))]));
        foreach (int signer in new[] { 0, 2, 4, 6, 1, 3 })
        {
            Ok(Sign("council.genesis", signer, registry: false));
        }
    }

    [ClassCleanup]
    public static void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void GenesisSignedBySixMembersOfFourGroupsIsInForce()
    {
        var (exitCode, output, _) = Cli("order", "verify", Path("council.genesis"));
        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, "policy met: 6 valid signature(s) of 6 needed, from 4 group(s) of 4 needed");
        StringAssert.Contains(output, "Åsa");
    }

    [TestMethod]
    public void AnAlertNeedsTwoGroupsAndSaysWhatIsMissing()
    {
        string file = NewAlert("alert-two-groups", 1);
        Ok(Sign(file, 0));
        Ok(Sign(file, 1));
        var (notYet, output, _) = Cli("order", "verify", Path(file), "--registry", Path("council.genesis"));
        Assert.AreEqual(1, notYet);
        StringAssert.Contains(output, "policy not met: 2 valid signature(s) of 2 needed, from 1 group(s) of 2 needed; missing 1 more group(s)");

        Ok(Sign(file, 4));
        var (met, metOutput, _) = Cli("order", "verify", Path(file), "--registry", Path("council.genesis"));
        Assert.AreEqual(0, met, metOutput);
        StringAssert.Contains(metOutput, "Elif                 civil-society  signed, counts");
    }

    [TestMethod]
    public void SigningTwiceCountsOnce()
    {
        string file = NewAlert("alert-twice", 2);
        Ok(Sign(file, 0));
        Ok(Sign(file, 0));
        var (exitCode, output, _) = Cli("order", "verify", Path(file), "--registry", Path("council.genesis"));
        Assert.AreEqual(1, exitCode);
        StringAssert.Contains(output, "1 valid signature(s) of 2 needed");
    }

    [TestMethod]
    public void WrongPassphraseIsRefusedAndTheOrderIsUntouched()
    {
        string file = NewAlert("alert-wrong-pass", 3);
        byte[] before = File.ReadAllBytes(Path(file));
        var (exitCode, _, error) = Cli("order", "sign", Path(file), "--key", Path("m0.key"), "--registry", Path("council.genesis"), "--passphrase-file", Path("wrong-pass"));
        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(error, "wrong passphrase");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Path(file)));
    }

    [TestMethod]
    public void AKeyOutsideTheCouncilCannotSign()
    {
        Ok(Cli("key", "new", "--name", "Mallory", "--group", "youth", "--out", Path("outsider"), "--passphrase-file", Path("pass"), "--kdf-iterations", "100000"));
        string file = NewAlert("alert-outsider", 4);
        var (exitCode, _, error) = Cli("order", "sign", Path(file), "--key", Path("outsider.key"), "--registry", Path("council.genesis"), "--passphrase-file", Path("pass"));
        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(error, "Mallory's key is not a member of Storby samordningsråd");
    }

    [TestMethod]
    public void OrdersTravelAsTextAndQrCode()
    {
        string file = NewAlert("alert-text", 5);
        Ok(Sign(file, 2));
        var (_, exported, _) = Cli("order", "export", Path(file), "--qr");
        string[] lines = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        StringAssert.StartsWith(lines[0], "skold-order:");
        string[] qr = lines[1..];
        Assert.IsGreaterThan(10, qr.Length);
        Assert.IsTrue(qr.All(l => l.Length == qr[0].Length), "the QR code is a rectangle of characters");
        Assert.IsTrue(qr.All(l => l.All(c => "█▀▄ ".Contains(c))), "drawn with half blocks");

        Ok(Cli("order", "import", lines[0], "--out", Path("alert-text.copy")));
        CollectionAssert.AreEqual(File.ReadAllBytes(Path(file)), File.ReadAllBytes(Path("alert-text.copy")));
        // A file holding the text form reads like the binary one.
        File.WriteAllText(Path("alert-text.txt"), lines[0] + "\n");
        var (exitCode, inspected, _) = Cli("order", "inspect", Path("alert-text.txt"), "--json");
        Assert.AreEqual(0, exitCode);
        using var json = JsonDocument.Parse(inspected);
        Assert.AreEqual("Värmestuga öppen i Ålidhems skola", json.RootElement.GetProperty("text").GetString());
        StringAssert.Contains(inspected, "Värmestuga", "JSON keeps å ä ö readable");
    }

    [TestMethod]
    public void RevokedMemberNoLongerCounts()
    {
        Ok(Cli("order", "new", "--kind", "registry-update", "--seq", "10", "--created", "2026-11-24T01:00Z", "--revoke", "2", "--out", Path("revoke.order")));
        foreach (int signer in new[] { 0, 1, 3, 4, 5, 7 })
        {
            Ok(Sign("revoke.order", signer));
        }
        string file = NewAlert("alert-revoked", 11);
        Ok(Sign(file, 0));
        Ok(Sign(file, 2));
        var (withUpdate, output, _) = Cli("order", "verify", Path(file), "--registry", Path("council.genesis"), "--update", Path("revoke.order"));
        Assert.AreEqual(1, withUpdate, output);
        StringAssert.Contains(output, "revoked: counts for nothing");
        var (withoutUpdate, _, _) = Cli("order", "verify", Path(file), "--registry", Path("council.genesis"));
        Assert.AreEqual(0, withoutUpdate, "before the revocation is known, the same signatures meet the policy");
    }

    [TestMethod]
    public void DistributionRulesAndReserveOrdersAreBuiltFromOptions()
    {
        Ok(Cli("order", "new", "--kind", "distribution-rules", "--seq", "20", "--item", "food-parcel:1:0:1", "--item", "battery-pack:2:1:1", "--item", "200=Blöjor:3:0:0", "--out", Path("rules.order")));
        var (_, rules, _) = Cli("order", "inspect", Path("rules.order"), "--json");
        using (var json = JsonDocument.Parse(rules))
        {
            var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToArray();
            CollectionAssert.AreEqual(new[] { "battery pack", "food parcel", "Blöjor" }, items);
        }
        Ok(Cli("order", "new", "--kind", "reserve-activation", "--seq", "21", "--amount-sek", "500000", "--spend-by", "2026-11-25T12:00Z", "--purpose", "Diesel till reservkraft", "--out", Path("reserve.order")));
        foreach (int signer in new[] { 0, 2, 4 })
        {
            Ok(Sign("reserve.order", signer));
        }
        var (exitCode, output, _) = Cli("order", "verify", Path("reserve.order"), "--registry", Path("council.genesis"));
        Assert.AreEqual(1, exitCode, "three groups are not enough for money");
        StringAssert.Contains(output, "missing 1 more signature(s) and 1 more group(s)");
    }

    [TestMethod]
    public void BadInputGetsAClearErrorNotAStackTrace()
    {
        File.WriteAllBytes(Path("garbage.order"), [0x99, 1, 2, 3]);
        var (exitCode, _, error) = Cli("order", "inspect", Path("garbage.order"));
        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(error, "is not a council order: version 9 is not 1");
        var (lifetime, _, lifetimeError) = Cli("order", "new", "--kind", "alert", "--seq", "1", "--text", "x", "--lifetime", "forever", "--out", Path("x.order"));
        Assert.AreEqual(2, lifetime);
        StringAssert.Contains(lifetimeError, "is not a duration like 90m, 24h or 2d");
        var (again, _, againError) = Cli("key", "new", "--name", "Anna", "--group", "municipal", "--out", Path("m0"), "--passphrase-file", Path("pass"));
        Assert.AreEqual(2, again);
        StringAssert.Contains(againError, "a key is never overwritten");
    }

    [TestMethod]
    public void AKioskPutsTheCouncilsSignedRulesInForceOnceTheyMeetThePolicy()
    {
        Ok(Cli("order", "new", "--kind", "distribution-rules", "--seq", "1", "--created", "2026-11-24T02:00Z", "--lifetime", "2d",
            "--period-hours", "24", "--item", "battery-pack:2:1:1", "--item", "food-parcel:1:0:1", "--out", Path("rules.order")));
        Ok(Sign("rules.order", 0));
        string journal = Path("station.bin");
        string[] practice = ["kiosk", "practice", "--journal", journal, "--english", "--time", "2026-11-24T08:00Z",
            "--rules", Path("rules.order"), "--registry", Path("council.genesis")];
        var (refused, _, refusedError) = CliRunner.Run("", practice);
        Assert.AreEqual(2, refused);
        StringAssert.Contains(refusedError, "is not in force: policy not met");
        Assert.IsFalse(File.Exists(journal), "nothing is written for rules not in force");

        Ok(Sign("rules.order", 2));
        Ok(Sign("rules.order", 4));
        var (exit, output, error) = CliRunner.Run("1#1234#\nC 2 10# *\nA 1000009# 2 #\n# 1000009# 2 #\n", practice);
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "|Quota reached:      |", "one food parcel a day, as the council ruled");
        var (_, csv, _) = Cli("journal", "export", journal, "--csv");
        Assert.AreEqual(1, CliRunner.Lines(csv).Count(l => l.Contains(",order-applied,")));

        Ok(CliRunner.Run("1#1234#\n*\n", practice));
        // The council registers this kiosk's key by pointing at its station file, so the ledger accepts its journal.
        Ok(Cli("order", "new", "--kind", "registry-update", "--seq", "1", "--after", "0", "--created", "2026-11-24T02:00Z",
            "--station", "1=" + journal + ".station.json", "--out", Path("stations.order")));
        var (_, inspected, _) = Cli("order", "inspect", Path("stations.order"), "--json");
        using var station = JsonDocument.Parse(File.ReadAllText(journal + ".station.json"));
        byte[] seed = Convert.FromHexString(station.RootElement.GetProperty("station_seed").GetString()!);
        string publicKey = Convert.ToHexString(new Skold.Crypto.Ed25519().CreatePrivateKey(seed).GetPublicKey()).ToLowerInvariant();
        StringAssert.Contains(inspected.ToLowerInvariant(), publicKey);
        var (_, again, _) = Cli("journal", "export", journal, "--csv");
        Assert.AreEqual(1, CliRunner.Lines(again).Count(l => l.Contains(",order-applied,")), "the same order is recorded once");
    }

    [TestMethod]
    public void ANodeRunsTheRelayEngineOnSimulatedRadiosAndCarriesASignedOrderDownTheLine()
    {
        // The node checks expiry against today's clock: an order made now.
        string file = "alert-node.order";
        Ok(Cli("order", "new", "--kind", "alert", "--seq", "1", "--created", "now", "--lifetime", "24h", "--text", "Storm i natt", "--out", Path(file)));
        Ok(Sign(file, 0));
        Ok(Sign(file, 4));
        File.WriteAllText(Path("node.json"), $$"""
            {
              // a comment, as volunteers will write them
              "node_id": 7, "region": "eu868", "frequency_mhz": 869.525, "sf": 9, "bw_khz": 125, "cr": 5,
              "power_dbm": 14, "pa_boost": true, "registry": "{{Path("council.genesis").Replace("\\", "\\\\")}}",
              "store": "{{Path("node7.store").Replace("\\", "\\\\")}}"
            }
            """);
        var (exit, output, error) = Cli("node", "run", "--config", Path("node.json"), "--radio", "sim", "--peers", "3", "--originate", Path(file), "--minutes", "10");
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(error, "node 7 holds 1 order(s)");
        StringAssert.Contains(error, "duty-cycle headroom");
        var events = CliRunner.Lines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.IsTrue(events.Any(e => e.GetProperty("node").GetInt32() == 7 && e.GetProperty("event").GetString() == "heard"));
        Assert.IsTrue(events.Any(e => e.GetProperty("event").GetString() == "transmit" && e.GetProperty("type").GetString() == "order"));
        Assert.IsTrue(File.Exists(Path("node7.store.orders")), "the node keeps the order for after a restart");

        // A forged order (no valid signatures) is refused before it costs airtime.
        string forged = "alert-forged.order";
        Ok(Cli("order", "new", "--kind", "alert", "--seq", "2", "--created", "now", "--text", "Falskt larm", "--out", Path(forged)));
        var (refused, _, refusedError) = Cli("node", "run", "--config", Path("node.json"), "--radio", "sim", "--originate", Path(forged), "--minutes", "1");
        Assert.AreEqual(2, refused);
        StringAssert.Contains(refusedError, "not accepted by the council's rules");

        File.WriteAllText(Path("ham.json"), """{"node_id": 9, "region": "amateur-70cm", "frequency_mhz": 433.775, "sf": 9, "bw_khz": 125, "cr": 5, "power_dbm": 17, "pa_boost": true, "registry": "x"}""");
        var (ham, _, hamError) = Cli("node", "run", "--config", Path("ham.json"), "--radio", "sim");
        Assert.AreEqual(2, ham);
        StringAssert.Contains(hamError, "callsign");
    }

    [TestMethod]
    public void ProvisioningWritesWhatABoardNeedsAndRefusesAKioskTheCouncilHasNotRegistered()
    {
        string[] relay = ["provision", "--role", "relay", "--id", "7", "--board", "ttgo-lora32-v21", "--registry", Path("council.genesis"),
            "--key", Path("relay7.key"), "--out", Path("relay7.provision")];
        var (made, output, error) = Cli(relay);
        Assert.AreEqual(0, made, output + error);
        StringAssert.Contains(output, "I:\\skold.provision with nanoff --filedeployment");
        var (unknownBoard, _, unknownError) = Cli([.. relay[..5], "--board", "tbeam", .. relay[7..^1], Path("tbeam.provision")]);
        Assert.AreEqual(2, unknownBoard);
        StringAssert.Contains(unknownError, "unknown board pin map \"tbeam\"");
        Assert.IsFalse(File.Exists(Path("tbeam.provision")), "nothing written for a board the firmware does not know");
        var (highId, _, highIdError) = Cli([.. relay[..3], "--id", "32768", .. relay[5..^1], Path("relay32768.provision")]);
        Assert.AreEqual(2, highId, "relay numbers from 32768 up would be taken for station kiosks on air");
        StringAssert.Contains(highIdError, "--id must be a whole number 1..32767");
        Assert.IsFalse(File.Exists(Path("relay32768.provision")));
        var (checkedRelay, checkOutput, _) = Cli("provision", "check", Path("relay7.provision"));
        Assert.AreEqual(0, checkedRelay, checkOutput);
        StringAssert.Contains(checkOutput, "relay 7 on ttgo-lora32-v21, 869.525 MHz SF9 125 kHz CR4/5 14 dBm");
        StringAssert.Contains(checkOutput, "good: council Storby samordningsråd");

        string[] kiosk = ["provision", "--role", "kiosk", "--id", "3", "--board", "devkitc-rfm95w", "--registry", Path("council.genesis"),
            "--key", Path("kiosk3.key"), "--crisis-key", Path("crisis.key"), "--operator", "1=1234", "--operator", "2=5678",
            "--station-name", "Skolan", "--out", Path("kiosk3.provision")];
        var (ttgoKiosk, _, ttgoError) = Cli([.. kiosk[..5], "--board", "ttgo-lora32-v21", .. kiosk[7..^1], Path("ttgo-kiosk.provision")]);
        Assert.AreEqual(2, ttgoKiosk, "a TTGO has too few free pins for the kiosk's display and keypad");
        StringAssert.Contains(ttgoError, "too few free pins for a kiosk");
        var (relayOnKioskMap, _, _) = Cli([.. relay[..5], "--board", "kiosk-devkitc", .. relay[7..^1], Path("relay-kiosk-map.provision")]);
        Assert.AreEqual(2, relayOnKioskMap, "the kiosk's pin map is not a relay's");
        var (kioskMap, kioskMapOutput, kioskMapError) = Cli([.. kiosk[..5], "--board", "kiosk-devkitc", .. kiosk[7..^1], Path("kiosk-map.provision")]);
        Assert.AreEqual(1, kioskMap, kioskMapOutput + kioskMapError);
        StringAssert.Contains(kioskMapOutput, "on kiosk-devkitc", "the kiosk image's own pin-map name is accepted (refused here only as unregistered)");
        var (unregistered, told, _) = Cli(kiosk);
        Assert.AreEqual(1, unregistered);
        StringAssert.Contains(told, "station 3 is not registered by the council with this device's key");
        string publicKey = told.Split("device key ")[1][..64];
        Ok(Cli("order", "new", "--kind", "registry-update", "--seq", "1", "--after", "0", "--created", "2026-11-24T02:00Z",
            "--station", "3=" + publicKey, "--out", Path("kiosk3-station.order")));
        foreach (int member in new[] { 0, 1, 2, 3, 4, 6 })
        {
            Ok(Sign("kiosk3-station.order", member));
        }
        var (registered, registeredOutput, _) = Cli([.. kiosk, "--update", Path("kiosk3-station.order")]);
        Assert.AreEqual(0, registered, registeredOutput);
        Assert.AreEqual(0, Cli("provision", "check", Path("kiosk3.provision")).ExitCode);

        // An update built on a registry the board would not have is refused, as a relay refuses it.
        Ok(Cli("order", "new", "--kind", "registry-update", "--seq", "2", "--after", "4", "--created", "2026-11-24T02:00Z",
            "--station", "4=" + publicKey, "--out", Path("orphan-update.order")));
        foreach (int member in new[] { 0, 1, 2, 3, 4, 6 })
        {
            Ok(Sign("orphan-update.order", member));
        }
        var (orphan, orphanOutput, _) = Cli([.. relay, "--update", Path("orphan-update.order")]);
        Assert.AreEqual(1, orphan);
        StringAssert.Contains(orphanOutput, "registry update 1 is not in force");

        byte[] bytes = File.ReadAllBytes(Path("kiosk3.provision"));
        File.WriteAllBytes(Path("cut.provision"), bytes[..(bytes.Length / 2)]);
        var (cut, cutOutput, _) = Cli("provision", "check", Path("cut.provision"));
        Assert.AreEqual(1, cut);
        StringAssert.Contains(cutOutput, "REFUSED: provisioning: the CRC does not match");
    }

    [TestMethod]
    public void ProvisioningWritesTheFileDeploymentThatNanoffReads()
    {
        var (made, output, error) = Cli("provision", "--role", "relay", "--id", "8", "--board", "heltec-wifi-lora32-v2", "--registry", Path("council.genesis"),
            "--key", Path("relay8.key"), "--out", Path("relay8.provision"), "--nanoff-json", Path("relay8.deploy.json"), "--serial-port", "COM5");
        Assert.AreEqual(0, made, output + error);
        StringAssert.Contains(output, "nanoff --filedeployment " + Path("relay8.deploy.json"));
        // The shape of nanoFirmwareFlasher v2.5.162's FileDeploymentConfiguration and DeploymentFile.
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path("relay8.deploy.json")));
        JsonElement root = json.RootElement;
        Assert.AreEqual("COM5", root.GetProperty("SerialPort").GetString());
        JsonElement file = root.GetProperty("Files").EnumerateArray().Single();
        Assert.AreEqual(@"I:\skold.provision", file.GetProperty("DestinationFilePath").GetString());
        string source = file.GetProperty("SourceFilePath").GetString()!;
        Assert.IsTrue(System.IO.Path.IsPathFullyQualified(source), source);
        CollectionAssert.AreEqual(File.ReadAllBytes(Path("relay8.provision")), File.ReadAllBytes(source), "the JSON names the file just written");

        // Without a port the JSON leaves it out, and nanoff takes the one on its command line.
        var (noPort, noPortOutput, _) = Cli("provision", "--role", "relay", "--id", "8", "--board", "heltec-wifi-lora32-v2", "--registry", Path("council.genesis"),
            "--key", Path("relay8.key"), "--out", Path("relay8.provision"), "--nanoff-json", Path("relay8b.deploy.json"));
        Assert.AreEqual(0, noPort, noPortOutput);
        StringAssert.Contains(noPortOutput, "nanoff --serialport <port> --filedeployment");
        using JsonDocument withoutPort = JsonDocument.Parse(File.ReadAllText(Path("relay8b.deploy.json")));
        Assert.IsFalse(withoutPort.RootElement.TryGetProperty("SerialPort", out _));

        // A relay takes its orders over LoRa: --rules is refused before any file is written.
        var (relayRules, _, relayRulesError) = Cli("provision", "--role", "relay", "--id", "8", "--board", "heltec-wifi-lora32-v2", "--registry", Path("council.genesis"),
            "--key", Path("relay8.key"), "--out", Path("relay8c.provision"), "--nanoff-json", Path("relay8c.deploy.json"), "--rules", Path("council.genesis"));
        Assert.AreNotEqual(0, relayRules);
        StringAssert.Contains(relayRulesError, "--rules goes with --role kiosk");
        Assert.IsFalse(File.Exists(Path("relay8c.provision")));
        Assert.IsFalse(File.Exists(Path("relay8c.deploy.json")));
    }

    [TestMethod]
    public void AKioskDeploymentCarriesTheCouncilsRulesOnlyWhenTheyAreRules()
    {
        string[] kiosk = ["provision", "--role", "kiosk", "--id", "5", "--board", "devkitc-rfm95w", "--registry", Path("council.genesis"),
            "--key", Path("kiosk5.key"), "--crisis-key", Path("crisis5.key"), "--operator", "1=1234", "--out", Path("kiosk5.provision"),
            "--nanoff-json", Path("kiosk5.deploy.json"), "--serial-port", "/dev/ttyUSB0"];
        var (notRules, _, notRulesError) = Cli([.. kiosk, "--rules", Path("council.genesis")]);
        Assert.AreNotEqual(0, notRules);
        StringAssert.Contains(notRulesError, "not a distribution-rules order");
        Assert.IsFalse(File.Exists(Path("kiosk5.provision")), "nothing written for a refused command");

        Ok(Cli("order", "new", "--kind", "distribution-rules", "--seq", "1", "--created", "now", "--lifetime", "24h",
            "--item", "battery-pack:2:1:1", "--out", Path("kiosk5-rules.order")));
        // The kiosk is not registered yet (exit 1, and it says so), but the files are written for when it is.
        var (_, output, _) = Cli([.. kiosk, "--rules", Path("kiosk5-rules.order")]);
        StringAssert.Contains(output, "Wrote " + Path("kiosk5.deploy.json"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path("kiosk5.deploy.json")));
        JsonElement[] files = json.RootElement.GetProperty("Files").EnumerateArray().ToArray();
        Assert.HasCount(2, files);
        Assert.AreEqual(@"I:\skold.provision", files[0].GetProperty("DestinationFilePath").GetString());
        Assert.AreEqual(@"I:\skold.rules", files[1].GetProperty("DestinationFilePath").GetString());
        Assert.AreEqual(System.IO.Path.GetFullPath(Path("kiosk5-rules.order")), files[1].GetProperty("SourceFilePath").GetString());
    }

    [TestMethod]
    public void AHostOnTheLinkSendsAnOrderThroughTheNodeAndHearsItComeBack()
    {
        string file = "alert-link.order";
        Ok(Cli("order", "new", "--kind", "alert", "--seq", "1", "--created", "now", "--lifetime", "24h", "--text", "Värmestuga öppen", "--out", Path(file)));
        Ok(Sign(file, 1));
        Ok(Sign(file, 5));
        string forged = "alert-link-forged.order";
        Ok(Cli("order", "new", "--kind", "alert", "--seq", "2", "--created", "now", "--text", "Falskt", "--out", Path(forged)));
        File.WriteAllText(Path("link-node.json"), $$"""
            {"node_id": 9, "region": "eu868", "frequency_mhz": 869.525, "sf": 7, "bw_khz": 125, "cr": 5, "power_dbm": 14, "pa_boost": true,
             "registry": "{{Path("council.genesis").Replace("\\", "\\\\")}}"}
            """);
        string socketPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skold-link-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        Task<(int, string, string)> node = Task.Run(() => Cli("node", "run", "--config", Path("link-node.json"), "--radio", "sim", "--peers", "2",
            "--minutes", "2", "--speed", "20", "--host-link", socketPath));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        for (int i = 0; !socket.Connected; i++)
        {
            try
            {
                socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
            }
            catch (System.Net.Sockets.SocketException) when (i < 100)
            {
                Thread.Sleep(100);
            }
        }
        var decoder = new Skold.HostLink.HostLinkDecoder();
        var received = new List<Skold.HostLink.HostLinkFrame>();
        socket.Send([0x01, 0x02, 0xdb, 0x99]); // line noise before the first frame
        socket.Send(Skold.HostLink.HostLinkEncoder.Encode(new Skold.HostLink.HostLinkFrame(Skold.HostLink.HostLinkFrame.Ping, [])));
        socket.Send(Skold.HostLink.HostLinkEncoder.Encode(new Skold.HostLink.HostLinkFrame(Skold.HostLink.HostLinkFrame.SendOrder, File.ReadAllBytes(Path(file)))));
        socket.Send(Skold.HostLink.HostLinkEncoder.Encode(new Skold.HostLink.HostLinkFrame(Skold.HostLink.HostLinkFrame.SendOrder, File.ReadAllBytes(Path(forged)))));
        socket.ReceiveTimeout = 20000;
        byte[] buffer = new byte[4096];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!received.Any(f => f.Type == Skold.HostLink.HostLinkFrame.Heard) && DateTime.UtcNow < deadline)
        {
            int read = socket.Receive(buffer);
            if (read == 0)
            {
                break;
            }
            for (int at = 0; at < read;)
            {
                var frame = decoder.Feed(buffer, at, read - at, out int used);
                at += used;
                if (frame is not null)
                {
                    received.Add(frame);
                }
            }
        }
        var status = received.First(f => f.Type == Skold.HostLink.HostLinkFrame.Status);
        Assert.AreEqual(9, (status.Payload[0] << 8) | status.Payload[1], "the node's id");
        var answers = received.Where(f => f.Type == Skold.HostLink.HostLinkFrame.Answer).ToList();
        Assert.AreEqual(0, answers[0].Payload[1], "the signed order is accepted");
        Assert.AreEqual(255, answers[1].Payload[1], "the forged one is refused");
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(answers[1].Payload, 2, answers[1].Payload.Length - 2), "council's rules");
        Assert.IsTrue(received.Any(f => f.Type == Skold.HostLink.HostLinkFrame.Heard), "the order came back from the next relay");
        var (exit, _, error) = node.Result;
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(error, "node 9 holds 1 order(s)");
    }

    [TestMethod]
    public void TheNodeConsoleShowsStatusAndWhatTheNodeHearsAndAsksForASelfTest()
    {
        File.WriteAllText(Path("console-node.json"), $$"""
            {"node_id": 9, "region": "eu868", "frequency_mhz": 869.525, "sf": 7, "bw_khz": 125, "cr": 5, "power_dbm": 14, "pa_boost": true,
             "registry": "{{Path("council.genesis").Replace("\\", "\\\\")}}"}
            """);
        string socketPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skold-console-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        Task<(int, string, string)> node = Task.Run(() => Cli("node", "run", "--config", Path("console-node.json"), "--radio", "sim", "--peers", "2",
            "--minutes", "20", "--speed", "60", "--host-link", socketPath));
        for (int i = 0; !File.Exists(socketPath) && i < 100; i++)
        {
            Thread.Sleep(100);
        }
        var (exit, output, error) = Cli("node", "console", "--port", "unix:" + socketPath, "--seconds", "8");
        Assert.AreEqual(0, exit, error);
        StringAssert.Contains(output, "status: node 9,");
        StringAssert.Contains(output, "heard: beacon from node 6000", "the neighbours' beacons, decoded");
        var (selfTest, selfTestOutput, _) = Cli("node", "console", "--port", "unix:" + socketPath, "--self-test", "--seconds", "10");
        Assert.AreEqual(1, selfTest, selfTestOutput);
        StringAssert.Contains(selfTestOutput, "answer to request 0x04: refused (255): this node has no self-test");
        Assert.AreEqual(0, node.Result.Item1, node.Result.Item3);
    }

    private static string NewAlert(string name, int sequence)
    {
        string file = name + ".order";
        Ok(Cli("order", "new", "--kind", "alert", "--seq", sequence.ToString(), "--created", "2026-11-24T02:00Z", "--text", "Värmestuga öppen i Ålidhems skola", "--out", Path(file)));
        return file;
    }

    private static (int, string, string) Sign(string file, int member, bool registry = true)
    {
        var args = new List<string> { "order", "sign", Path(file), "--key", Path("m" + member + ".key"), "--passphrase-file", Path("pass") };
        if (registry)
        {
            args.AddRange(["--registry", Path("council.genesis")]);
        }
        return Cli([.. args]);
    }

    private static (int ExitCode, string Output, string Error) Cli(params string[] args) => CliRunner.Run("", args);

    private static void Ok((int ExitCode, string Output, string Error) result) =>
        Assert.AreEqual(0, result.ExitCode, result.Output + result.Error);

    private static string Path(string name) => System.IO.Path.Combine(_dir, name);
}
