// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.IO.FileSystem 1.1.93 (File.Exists, File.Delete,
// FileStream(string, FileMode, FileAccess), Read, Write, Flush, Dispose).
using System.IO;
using Skold.Board.Kiosk;
using Skold.Radio.Sx127x;

namespace Skold.Kiosk.Board
{
    /// <summary>The self-test's board half: a scratch file next to the journal on I:, and the radio's RegVersion over SPI.</summary>
    public sealed class Esp32SelfTestHardware : ISelfTestHardware
    {
        private const string Scratch = KioskFiles.Drive + "skold.selftest";

        private readonly Sx127x _radio;

        public Esp32SelfTestHardware(Sx127x radio)
        {
            _radio = radio;
        }

        public void WriteScratch(byte[] data)
        {
            using (FileStream file = new FileStream(Scratch, FileMode.Create, FileAccess.Write))
            {
                file.Write(data, 0, data.Length);
                file.Flush();
            }
        }

        public int ReadScratch(byte[] buffer)
        {
            int done = 0;
            using (FileStream file = new FileStream(Scratch, FileMode.Open, FileAccess.Read))
            {
                while (done < buffer.Length)
                {
                    int read = file.Read(buffer, done, buffer.Length - done);
                    if (read <= 0)
                    {
                        break;
                    }
                    done += read;
                }
            }
            return done;
        }

        public void DeleteScratch()
        {
            if (File.Exists(Scratch))
            {
                File.Delete(Scratch);
            }
        }

        public int RadioVersion()
        {
            return _radio.ReadRegister(Registers.Version);
        }
    }
}
