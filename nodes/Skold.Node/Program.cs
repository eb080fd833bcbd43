// The relay node image for ESP32 boards (issue 8). Built by the nanoFramework toolchain only:
// see nodes/README.md. Everything this file decides is decided in Skold.Board (host-tested);
// this file builds the adapters and runs the loop.
// APIs: nanoFramework.CoreLibrary 1.17.11 (Thread, WaitHandle, Console), nanoFramework.Runtime.Native
// 1.7.11 (Power.RebootDevice), and the adapters' packages (Board/*.cs).
using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using Skold.Board.Boards;
using Skold.Board.Node;
using Skold.Board.Power;
using Skold.Crypto;
using Skold.Node.Board;
using Skold.Radio.Sx127x;

namespace Skold.Node
{
    public static class Program
    {
        /// <summary>The loop must come round at least this often, or the board reboots.</summary>
        private const long WatchdogTimeoutMs = 60000;

        /// <summary>Longest wait between loop turns: the LED patterns change on 100 ms steps.</summary>
        private const int MaxTurnMs = 50;

        private const string LightSleepFile = "skold.lightsleep";

        private static Watchdog? _watchdog;

        public static void Main()
        {
            FlashFiles files = new FlashFiles(FlashFiles.InternalDrive);
            BoardPinMap pins;
            try
            {
                pins = NodeBoot.ChooseBoard(files);
            }
            catch (BoardException e)
            {
                // Without a pin map there is no LED or serial port to speak through: only the debugger output.
                while (true)
                {
                    Console.WriteLine("skold relay: " + e.Message);
                    Thread.Sleep(10000);
                }
            }
            Console.WriteLine("skold relay on " + pins.Name);
            Esp32NodeBoard board = new Esp32NodeBoard(pins);
            bool selfTest = board.ButtonHeldAtBoot();
            Esp32Sx127xBus radio = new Esp32Sx127xBus(pins.Sck, pins.Miso, pins.Mosi, pins.Nss, pins.Reset, pins.Dio0);
            board.AttachRadio(radio);
            SerialByteLink link = new SerialByteLink(pins.HostLinkRx, pins.HostLinkTx);
            NodeApp app = new NodeApp(pins, new Sx127x(radio, radio), link, files, board, new SystemRandomSource(), new Ed25519());

            _watchdog = new Watchdog(WatchdogTimeoutMs, board.NowMs());
            Thread supervisor = new Thread(Supervise);
            supervisor.Start();

            app.Boot(selfTest);
            bool lightSleep = files.Read(LightSleepFile) != null;
            WaitHandle[] wake = { radio.Dio0, link.Arrived };
            while (true)
            {
                long next = app.Step();
                long now = board.NowMs();
                _watchdog.Feed(now, "loop");
                long sleep = app.SleepAllowedMs(lightSleep);
                if (sleep > 0)
                {
                    board.LightSleep(sleep);
                    continue;
                }
                long wait = next - now;
                int turn = wait < 1 ? 1 : wait > MaxTurnMs ? MaxTurnMs : (int)wait;
                WaitHandle.WaitAny(wake, turn, false);
            }
        }

        // nanoFramework has no managed watchdog on the ESP32 (Skold.Board.Power.Watchdog says why):
        // this thread reboots the board when the loop stops coming round.
        private static void Supervise()
        {
            while (true)
            {
                Thread.Sleep(5000);
                Watchdog? dog = _watchdog;
                if (dog != null && dog.Starved(Environment.TickCount64))
                {
                    Console.WriteLine("skold relay: the loop stopped at \"" + dog.LastStage + "\" for " + dog.TimeoutMs / 1000 + " s: rebooting");
                    Power.RebootDevice();
                }
            }
        }
    }
}
