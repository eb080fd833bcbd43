// Board code: built by the nanoFramework toolchain only (nodes/README.md).
// APIs: nanoFramework.System.IO.FileSystem 1.1.93 (File.Exists, File.ReadAllBytes, File.Delete,
// FileStream(string, FileMode, FileAccess), FileStream.Write, Flush, Seek, Read, Length).
using System.IO;
using Skold.Board.Storage;

namespace Skold.Node.Board
{
    /// <summary>
    /// Files on the ESP32's internal flash: drive I:, a littlefs partition in nanoFramework's ESP32
    /// firmware (nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp). Our stores do their own
    /// power-cut safety (FlashRelayStore), so this stays a plain adapter.
    /// </summary>
    public sealed class FlashFiles : IFlashFiles
    {
        public const string InternalDrive = "I:\\";

        private readonly string _folder;

        public FlashFiles(string folder)
        {
            _folder = folder;
        }

        public byte[]? Read(string name)
        {
            string path = _folder + name;
            if (!File.Exists(path))
            {
                return null;
            }
            return File.ReadAllBytes(path);
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = _folder + name;
            if (!File.Exists(path))
            {
                return 0;
            }
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                if (position >= file.Length)
                {
                    return 0;
                }
                file.Seek(position, SeekOrigin.Begin);
                int total = 0;
                while (total < count)
                {
                    int n = file.Read(buffer, offset + total, count - total);
                    if (n <= 0)
                    {
                        break;
                    }
                    total += n;
                }
                return total;
            }
        }

        public int Length(string name)
        {
            string path = _folder + name;
            if (!File.Exists(path))
            {
                return -1;
            }
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)file.Length;
            }
        }

        public void Write(string name, byte[] data, int offset, int count)
        {
            using (FileStream file = new FileStream(_folder + name, FileMode.Create, FileAccess.Write))
            {
                file.Write(data, offset, count);
                file.Flush();
            }
        }

        public void Append(string name, byte[] data, int offset, int count)
        {
            using (FileStream file = new FileStream(_folder + name, FileMode.Append, FileAccess.Write))
            {
                file.Write(data, offset, count);
                file.Flush();
            }
        }

        public void Delete(string name)
        {
            string path = _folder + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
