using System;
using Skold.Board.Power;
using Skold.Board.Storage;
using Skold.Radio.Sx127x;

namespace Skold.Board.Node
{
    /// <summary>
    /// The relay board's self-test, for a technician at the bench (button held at boot, or the
    /// host link's self-test request): the radio answers with its version register, listens and
    /// reads a plausible RSSI, and completes a channel-activity check with DIO0 rising; flash
    /// writes, reads back and verifies a file; the battery reads inside a Li-ion cell's range;
    /// the LED blinks for the technician to see, and the button must be pressed once. Each step
    /// gets a verdict and a sentence that says what to check. It never transmits.
    /// </summary>
    public sealed class NodeSelfTest
    {
        public const string Radio = "radio";
        public const string Rssi = "rssi";
        public const string Cad = "cad";
        public const string Flash = "flash";
        public const string Battery = "battery";
        public const string Led = "led";
        public const string ButtonStep = "button";

        public const string TestFile = "selftest.tmp";
        public const int ButtonWaitMs = 10000;

        /// <summary>RSSI below this on a listening receiver means the front end or the chip's supply is broken.</summary>
        public const int MinPlausibleRssiDbm = -135;

        /// <summary>Above this the channel is flooded by something right next to the antenna.</summary>
        public const int MaxPlausibleRssiDbm = -30;

        public const int MinBatteryMillivolts = 3000;
        public const int MaxBatteryMillivolts = 4300;

        private readonly Sx127x _radio;
        private readonly RadioSettings _settings;
        private readonly IFlashFiles _files;
        private readonly INodeBoard _board;
        private readonly BatteryGauge? _gauge;

        /// <summary>settings: the provisioned radio settings, or safe defaults when the board is not provisioned (it only listens).</summary>
        public NodeSelfTest(Sx127x radio, RadioSettings settings, IFlashFiles files, INodeBoard board, BatteryGauge? gauge)
        {
            _radio = radio;
            _settings = settings;
            _files = files;
            _board = board;
            _gauge = gauge;
        }

        /// <summary>Called with each step's line as soon as it is known (the board prints it on serial).</summary>
        public NodeLogHandler? Progress { get; set; }

        public SelfTestReport Run()
        {
            SelfTestReport report = new SelfTestReport();
            bool radioOk = TestRadio(report);
            if (radioOk)
            {
                TestRssiAndCad(report);
            }
            else
            {
                Add(report, Rssi, SelfTestVerdict.Skipped, "the radio did not answer");
                Add(report, Cad, SelfTestVerdict.Skipped, "the radio did not answer");
            }
            TestFlash(report);
            TestBattery(report);
            TestLed(report);
            TestButton(report);
            try
            {
                _radio.Sleep();
            }
            catch (RadioException)
            {
                // Already reported by the radio step.
            }
            return report;
        }

        private bool TestRadio(SelfTestReport report)
        {
            try
            {
                // Reset checks RegVersion (0x42) reads 0x12, the SX1276/77/78/79 silicon.
                _radio.Reset();
                int version = _radio.ReadRegister(Registers.Version);
                Add(report, Radio, SelfTestVerdict.Pass, "SX127x answers on SPI, version 0x" + Hex(version));
                return true;
            }
            catch (RadioException e)
            {
                Add(report, Radio, SelfTestVerdict.Fail, e.Message);
                return false;
            }
        }

        private void TestRssiAndCad(SelfTestReport report)
        {
            try
            {
                _radio.Configure(_settings);
                _radio.StartReceiving();
                _board.Sleep(20);
                int raw = _radio.ReadRegister(Registers.RssiValue);
                // RSSI = -157 + RssiValue on the HF port, -164 on the LF port (datasheet 5.5.5).
                int rssi = (_settings.FrequencyHz < Registers.LowFrequencyBandLimitHz ? -164 : -157) + raw;
                if (rssi < MinPlausibleRssiDbm || rssi > MaxPlausibleRssiDbm)
                {
                    Add(report, Rssi, SelfTestVerdict.Fail, "the receiver reads " + rssi + " dBm, outside " + MinPlausibleRssiDbm + ".."
                        + MaxPlausibleRssiDbm + " dBm: check the antenna and the module's 3.3 V supply");
                }
                else
                {
                    Add(report, Rssi, SelfTestVerdict.Pass, "channel noise " + rssi + " dBm at " + _settings.FrequencyHz + " Hz");
                }
                _board.WaitForDio0(0);
                _radio.StartChannelCheck();
                bool rose = _board.WaitForDio0(500);
                int happened = _radio.Service();
                if (!rose && (happened == RadioEvent.ChannelClear || happened == RadioEvent.ChannelBusy))
                {
                    Add(report, Cad, SelfTestVerdict.Fail, "the chip finished the channel check but DIO0 never rose: check the DIO0 wire to GPIO");
                }
                else if (happened == RadioEvent.ChannelClear)
                {
                    Add(report, Cad, SelfTestVerdict.Pass, "channel check done, DIO0 rose, channel clear");
                }
                else if (happened == RadioEvent.ChannelBusy)
                {
                    Add(report, Cad, SelfTestVerdict.Pass, "channel check done, DIO0 rose, another LoRa transmitter is on the channel");
                }
                else
                {
                    Add(report, Cad, SelfTestVerdict.Fail, "no channel-check result within 500 ms: the chip is not in LoRa mode or is stuck");
                }
            }
            catch (RadioException e)
            {
                Add(report, Cad, SelfTestVerdict.Fail, e.Message);
            }
            catch (ArgumentException e)
            {
                Add(report, Rssi, SelfTestVerdict.Fail, "radio settings: " + e.Message);
            }
        }

        private void TestFlash(SelfTestReport report)
        {
            byte[] pattern = new byte[256];
            long seed = _board.NowMs();
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = (byte)(i * 37 + seed);
            }
            try
            {
                _files.Write(TestFile, pattern, 0, pattern.Length);
                byte[]? back = _files.Read(TestFile);
                _files.Delete(TestFile);
                if (back == null || back.Length != pattern.Length)
                {
                    Add(report, Flash, SelfTestVerdict.Fail, "wrote " + pattern.Length + " bytes, read back " + (back == null ? "nothing" : back.Length + " bytes")
                        + ": the flash file system is damaged (flash the firmware again with nanoff)");
                    return;
                }
                for (int i = 0; i < pattern.Length; i++)
                {
                    if (back[i] != pattern[i])
                    {
                        Add(report, Flash, SelfTestVerdict.Fail, "byte " + i + " read back differs: the flash is failing");
                        return;
                    }
                }
                Add(report, Flash, SelfTestVerdict.Pass, "wrote, read back and verified " + pattern.Length + " bytes");
            }
            catch (Exception e)
            {
                Add(report, Flash, SelfTestVerdict.Fail, "file system error: " + e.Message);
            }
        }

        private void TestBattery(SelfTestReport report)
        {
            if (_gauge == null || _board.ReadBatteryRaw() < 0)
            {
                Add(report, Battery, SelfTestVerdict.Skipped, "no battery pin on this board");
                return;
            }
            int[] raws = new int[9];
            for (int i = 0; i < raws.Length; i++)
            {
                raws[i] = _board.ReadBatteryRaw();
            }
            int mv = _gauge.Update(raws, raws.Length);
            if (mv < MinBatteryMillivolts || mv > MaxBatteryMillivolts)
            {
                Add(report, Battery, SelfTestVerdict.Fail, "reads " + mv + " mV, outside " + MinBatteryMillivolts + ".." + MaxBatteryMillivolts
                    + " mV: no cell, a flat cell, a loose wire or the wrong board pin map");
            }
            else
            {
                Add(report, Battery, SelfTestVerdict.Pass, mv + " mV (" + BatteryLevel.Name(_gauge.Level) + ")");
            }
        }

        private void TestLed(SelfTestReport report)
        {
            for (int i = 0; i < 3; i++)
            {
                _board.SetLed(true);
                _board.Sleep(300);
                _board.SetLed(false);
                _board.Sleep(300);
            }
            _board.SetLed(true);
            Add(report, Led, SelfTestVerdict.Look, "the LED blinked 3 times and stays on until the self-test ends: if you saw nothing, check the LED and the pin map");
        }

        private void TestButton(SelfTestReport report)
        {
            if (!_board.HasButton)
            {
                Add(report, ButtonStep, SelfTestVerdict.Skipped, "no user button on this board");
                return;
            }
            Progress?.Invoke(_board.NowMs(), "self-test", "press the button once within " + ButtonWaitMs / 1000 + " s");
            Status.Button button = new Status.Button();
            long start = _board.NowMs();
            bool sawRelease = false;
            while (_board.NowMs() - start < ButtonWaitMs)
            {
                long now = _board.NowMs();
                int happened = button.Sample(_board.ButtonPressed(), now);
                if (!button.Pressed && now - start >= Status.Button.DebounceMs)
                {
                    // It was held at boot to start this test: a press counts only after a release.
                    sawRelease = true;
                }
                if (sawRelease && (happened == Status.ButtonEvent.ShortPress || happened == Status.ButtonEvent.LongPress))
                {
                    Add(report, ButtonStep, SelfTestVerdict.Pass, "pressed and read back");
                    return;
                }
                _board.Sleep(10);
            }
            Add(report, ButtonStep, SelfTestVerdict.Fail, "no press seen within " + ButtonWaitMs / 1000 + " s: check the button and its pin (pull-up, to GND)");
        }

        private void Add(SelfTestReport report, string name, int verdict, string detail)
        {
            report.Add(name, verdict, detail);
            NodeLogHandler? progress = Progress;
            if (progress != null)
            {
                progress(_board.NowMs(), "self-test", report.Line(report.Count - 1));
            }
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789abcdef";
            return "" + digits[(value >> 4) & 0xf] + digits[value & 0xf];
        }
    }
}
