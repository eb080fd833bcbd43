// The station kiosk image for an ESP32 DevKitC (issue 8). Built by the nanoFramework toolchain
// only: see kiosk/README.md. Every decision is made in Skold.Board and Skold.Core (host-tested);
// this file builds the adapters in Board/ and runs the loop.
// APIs: CoreLibrary 1.17.11 (Thread.Sleep, Console.WriteLine), the adapters' packages (Board/*.cs).
using System;
using System.IO;
using System.Threading;
using Skold.Board.Clock;
using Skold.Board.Display;
using Skold.Board.Keypad;
using Skold.Board.Kiosk;
using Skold.Board.Sync;
using Skold.Codec;
using Skold.Council;
using Skold.Crypto;
using Skold.Kiosk.Board;
using Skold.Mesh;
using Skold.Node.Board;
using Skold.Provisioning;
using Skold.Radio.Sx127x;

namespace Skold.Kiosk
{
    public static class Program
    {
        /// <summary>The journal partition, a file on I: that grows to this (the 4 MB ESP32 image's littlefs partition is 256 KB).</summary>
        private const int JournalBytes = 128 * 1024;

        /// <summary>One loop pass every 10 ms: three equal keypad scans (30 ms) make a press.</summary>
        private const int PassMs = 10;

        private const int BootScans = 10;
        private const int SyncScreenMs = 4000;

        public static void Main()
        {
            KioskFiles files = new KioskFiles();
            byte[]? provisioning = files.Read(KioskFiles.Provisioning);
            DeviceProvisioning? decoded = Decode(provisioning);
            KioskPinMap? pins = ChoosePins(decoded);
            if (pins == null)
            {
                return;
            }
            Esp32KioskPanel panel = new Esp32KioskPanel(pins, files.Exists(KioskFiles.PassiveBuzzer));
            Hd44780 display = new Hd44780(panel);
            KeypadScanner keypad = new KeypadScanner(panel, KeypadLayout.Standard, KeypadScanner.DefaultStableScans);
            SignalPlayer signal = new SignalPlayer(panel);
            Esp32Sx127xBus bus = new Esp32Sx127xBus(pins.Sck, pins.Miso, pins.Mosi, pins.Nss, pins.Reset, pins.Dio0);
            Sx127x radio = new Sx127x(bus, bus);
            if (SelfTest.Requested(keypad, BootScans))
            {
                RunSelfTest(display, keypad, signal, radio);
            }
            bool radioUp = true;
            try
            {
                radio.Reset();
            }
            catch (RadioException e)
            {
                // The queue comes first: the kiosk hands out and records without its radio.
                radioUp = false;
                Console.WriteLine("skold kiosk: radio: " + e.Message + " (no station reports, no rules over LoRa)");
            }

            display.Start();
            display.Show(new string[] { "Skold kiosk", "Startar...", "Starting...", "" });
            Esp32SystemClock boardClock = new Esp32SystemClock();
            Esp32I2cDevice i2c = new Esp32I2cDevice(pins, Ds3231.Address);
            KioskClock clock = new KioskClock(boardClock, new Ds3231(i2c));
            int source = clock.Boot(Founded(decoded));
            if (clock.RtcProblem != null)
            {
                Console.WriteLine("skold kiosk: real-time clock not used: " + clock.RtcProblem);
            }
            if (source == KioskClock.FromNothing && decoded != null && decoded.WifiSsid.Length > 0 && SetClockOverWifi(display, decoded))
            {
                // The clock was lost with the power and no DS3231 kept it: SNTP over Wi-Fi gave it; keep it in the DS3231.
                clock.Store();
            }
            Ed25519 ed = new Ed25519();
            KioskStation station;
            try
            {
                JournalFile storage = new JournalFile(new LittleFsJournalFile(KioskFiles.Drive + KioskFiles.Journal), JournalBytes);
                station = KioskStation.Open(provisioning, storage, files.Read(KioskFiles.Rules), SystemClock.Now(), ed);
            }
            catch (IOException e)
            {
                Halt(display, panel, "flash: " + e.Message);
                return;
            }
            catch (ArgumentException e)
            {
                Halt(display, panel, "flash: " + e.Message);
                return;
            }
            if (station.ClockEntry != null)
            {
                // Only the clock is wrong: an operator sets it on the keypad (recorded with who did it).
                Console.WriteLine("skold kiosk: " + station.Problem);
                try
                {
                    station = SetClockOnKeypad(station, clock, boardClock, keypad, display, signal);
                }
                catch (InvalidOperationException e)
                {
                    // The ESP32 refused the time, or the journal could not be written: nothing half-done runs.
                    Halt(display, panel, "clock: " + e.Message);
                    return;
                }
            }
            if (station.Problem != null)
            {
                Halt(display, panel, station.Problem);
                return;
            }
            if (station.RulesProblem != null)
            {
                Console.WriteLine("skold kiosk: rules on flash not in force: " + station.RulesProblem);
            }
            DeviceProvisioning p = station.Provisioning!;
            LoRaModulation modulation = new LoRaModulation(p.SpreadingFactor, p.BandwidthHz, p.CodingRate);
            LoRaLink link = new LoRaLink(radio, bus);
            KioskLoop loop = new KioskLoop(station, keypad, display, signal);
            long nowMs = SystemClock.NowMs();
            if (radioUp)
            {
                try
                {
                    radio.Configure(new RadioSettings(p.FrequencyHz, modulation, p.PowerDbm, p.PaBoost));
                    link.Listen();
                }
                catch (ArgumentException e)
                {
                    radioUp = false;
                    Console.WriteLine("skold kiosk: radio settings: " + e.Message + " (no station reports, no rules over LoRa)");
                }
            }
            if (radioUp && station.ReportProblem == null)
            {
                loop.SendReports(new StationReporter(station.Registry!, p.Id, station.StationKey!, ed, modulation,
                    DutyCycleAccountant.ForFrequency(p.FrequencyHz, p.Amateur), nowMs + 60000), link);
            }
            else if (station.ReportProblem != null)
            {
                Console.WriteLine("skold kiosk: " + station.ReportProblem);
            }
            OrderListener orders = new OrderListener(station);
            SyncSchedule sync = new SyncSchedule(nowMs);
            bool canSync = p.WifiSsid.Length > 0 && p.LedgerUrl.Length > 0;
            loop.Start(nowMs);
            Console.WriteLine("skold kiosk: station " + p.Id + " " + p.StationName + ", journal " + station.Journal!.Records + " records");
            while (true)
            {
                try
                {
                    nowMs = SystemClock.NowMs();
                    uint now = SystemClock.Now();
                    loop.Step(nowMs, now);
                    int length = radioUp ? link.Poll() : 0;
                    if (length > 0)
                    {
                        byte[]? rules = orders.Receive(link.Received, 0, length, now, nowMs);
                        if (rules != null)
                        {
                            files.Replace(KioskFiles.Rules, rules);
                            loop.Refresh();
                            Console.WriteLine("skold kiosk: new distribution rules in force");
                        }
                    }
                    if (canSync && sync.Due(nowMs, station.Kiosk!.Operator != 0))
                    {
                        sync.Tried(nowMs, Sync(station, p, display, clock));
                        loop.Refresh();
                    }
                }
                catch (Exception e)
                {
                    // A flash write that failed: the journal refuses further writes until a restart reopens it.
                    Halt(display, panel, e.Message);
                    return;
                }
                Thread.Sleep(PassMs);
            }
        }

        private static DeviceProvisioning? Decode(byte[]? provisioning)
        {
            if (provisioning == null)
            {
                return null;
            }
            try
            {
                return DeviceProvisioning.Decode(provisioning);
            }
            catch (MalformedDataException)
            {
                // KioskStation.Open says why on the screen.
                return null;
            }
        }

        // The kiosk image drives the DevKitC kiosk wiring. Without a readable provisioning it still
        // does (a kiosk image is flashed onto kiosk hardware), so the screen can say what is wrong;
        // a provisioning that names another board means this is not kiosk hardware: touch no pin.
        private static KioskPinMap? ChoosePins(DeviceProvisioning? provisioning)
        {
            try
            {
                return KioskPinMap.ForName(provisioning == null ? KioskPinMap.KioskDevKitC : provisioning.Board);
            }
            catch (ArgumentException e)
            {
                Console.WriteLine("skold kiosk: " + e.Message);
                return null;
            }
        }

        private static bool SetClockOverWifi(Hd44780 display, DeviceProvisioning p)
        {
            display.Show(new string[] { "Klockan saknas:", "Clock not set:", "Wi-Fi " + p.WifiSsid, "" });
            string? wifi = WifiUplink.Connect(p.WifiSsid, p.WifiPassword);
            if (wifi != null)
            {
                Console.WriteLine("skold kiosk: clock not set: " + wifi);
                return false;
            }
            WifiUplink.Disconnect();
            return true;
        }

        // The council's founding: no trustworthy clock reads earlier (0 when the provisioning cannot tell;
        // KioskStation.Open then says what is wrong with it).
        private static uint Founded(DeviceProvisioning? provisioning)
        {
            if (provisioning == null)
            {
                return 0;
            }
            try
            {
                return Order.Decode(provisioning.Genesis).Created;
            }
            catch (MalformedDataException)
            {
                return 0;
            }
        }

        // The boot screen of a kiosk whose clock is lost: the loop of ClockSetting until an operator
        // confirmed a time; returns the running station (or one whose Problem says why not).
        private static KioskStation SetClockOnKeypad(KioskStation waiting, KioskClock clock, Esp32SystemClock boardClock,
            KeypadScanner keypad, Hd44780 display, SignalPlayer signal)
        {
            ClockSetting setting = new ClockSetting(waiting, clock, boardClock, keypad, display, signal);
            setting.Start();
            while (setting.Started == null)
            {
                setting.Step(SystemClock.NowMs());
                Thread.Sleep(PassMs);
            }
            Console.WriteLine("skold kiosk: clock set on the keypad by operator " + waiting.ClockEntry!.Operator);
            return setting.Started;
        }

        private static bool Sync(KioskStation station, DeviceProvisioning p, Hd44780 display, KioskClock clock)
        {
            display.Show(new string[] { "Synkar med ledger", "Syncing to ledger", "Wi-Fi " + p.WifiSsid, "" });
            string? wifi = WifiUplink.Connect(p.WifiSsid, p.WifiPassword);
            if (wifi != null)
            {
                Console.WriteLine("skold kiosk: no sync: " + wifi);
                return false;
            }
            // Wi-Fi came up only with the network's time (SNTP): the DS3231 takes it, correcting its drift.
            clock.Store();
            try
            {
                using (HttpLedger http = new HttpLedger(p.LedgerUrl))
                {
                    LedgerSync ledger = new LedgerSync(station.Journal!, p.Id, http);
                    bool done = ledger.Run(SystemClock.Now());
                    string result = done
                        ? "ledger holds all " + ledger.Acknowledged + " records (" + ledger.Batches + " batches)"
                        : ledger.Problem!;
                    Console.WriteLine("skold kiosk: sync: " + result);
                    display.Show(done
                        ? new string[] { "Synk klar / done", ledger.Acknowledged + " poster/records", "", "" }
                        : ProblemScreen.Lines("SYNK FEL/SYNC FAILED", result));
                    Thread.Sleep(SyncScreenMs);
                    return done;
                }
            }
            catch (Exception e)
            {
                // Network trouble: the next try resumes from what the ledger acknowledged.
                Console.WriteLine("skold kiosk: sync cut: " + e.Message);
                return false;
            }
            finally
            {
                WifiUplink.Disconnect();
            }
        }

        private static void RunSelfTest(Hd44780 display, KeypadScanner keypad, SignalPlayer signal, Sx127x radio)
        {
            SelfTest test = new SelfTest(display, keypad, signal, new Esp32SelfTestHardware(radio));
            test.Start(SystemClock.NowMs());
            bool reported = false;
            while (true)
            {
                test.Step(SystemClock.NowMs());
                if (test.Finished && !reported)
                {
                    for (int check = 0; check < SelfTest.Count; check++)
                    {
                        Console.WriteLine("skold kiosk self-test " + check + ": " + (test.Verdict(check) == SelfTest.Pass ? "pass" : "FAIL") + " " + test.Detail(check));
                    }
                }
                reported = test.Finished;
                Thread.Sleep(PassMs);
            }
        }

        // Refuses to run: the reason on the screen (and whole on the serial log), the refusal tone
        // and the red LED left on, then nothing until a restart (hold D while powering on for the self-test).
        private static void Halt(Hd44780 display, Esp32KioskPanel panel, string reason)
        {
            Console.WriteLine("skold kiosk: NOT RUNNING: " + reason);
            display.Start();
            display.Show(ProblemScreen.Lines("EJ REDO/NOT READY", reason));
            panel.Leds(Skold.Station.KioskSignal.RedLed);
            panel.Tone(800);
            Thread.Sleep(700);
            panel.Tone(0);
            while (true)
            {
                Thread.Sleep(60000);
            }
        }
    }
}
