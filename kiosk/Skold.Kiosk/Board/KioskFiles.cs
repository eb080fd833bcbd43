// Board code: built by the nanoFramework toolchain only (kiosk/README.md).
// APIs: nanoFramework.System.IO.FileSystem 1.1.93 (File.Exists, File.ReadAllBytes, File.Delete,
// File.Move, FileStream(string, FileMode, FileAccess), Write, Flush, Dispose).
using System.IO;

namespace Skold.Kiosk.Board
{
    /// <summary>Small files on the internal drive I: the provisioning (read only) and the rules order in force (replaced whole).</summary>
    public sealed class KioskFiles
    {
        public const string Drive = "I:\\";

        /// <summary>Written by `skold provision`, deployed with nanoff (kiosk/README.md); the relay node reads the same name.</summary>
        public const string Provisioning = "skold.provision";

        public const string Rules = "skold.rules";

        public const string Journal = "skold.journal";

        /// <summary>Present (any content) when the buzzer is a passive piezo that needs PWM tones.</summary>
        public const string PassiveBuzzer = "skold.buzzer-pwm";

        public byte[]? Read(string name)
        {
            string path = Drive + name;
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
            // A replacement cut between its delete and its rename left only the new copy, which is whole.
            return File.Exists(path + ".new") ? File.ReadAllBytes(path + ".new") : null;
        }

        public bool Exists(string name)
        {
            return File.Exists(Drive + name);
        }

        /// <summary>Replaces a file: the new content is written and closed (committed) before the old one goes.</summary>
        public void Replace(string name, byte[] data)
        {
            string path = Drive + name;
            string fresh = path + ".new";
            if (File.Exists(fresh))
            {
                File.Delete(fresh);
            }
            using (FileStream file = new FileStream(fresh, FileMode.Create, FileAccess.Write))
            {
                file.Write(data, 0, data.Length);
                file.Flush();
            }
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            File.Move(fresh, path);
        }
    }
}
