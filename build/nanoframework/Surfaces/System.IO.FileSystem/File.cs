// Surface of nanoFramework.System.IO.FileSystem 1.1.93: our own declarations, never run.
// Read in nanoframework/System.IO.FileSystem, tag v1.1.93 (commit 434b26c6db29708367e4df3f4ea82095ef843372),
// System.IO.FileSystem/File.cs. Declared: the static methods the images call.
namespace System.IO
{
    public static class File
    {
        public static void Delete(string path)
        {
        }

        public static bool Exists(string path)
        {
            throw null;
        }

        public static void Move(string sourceFileName, string destFileName)
        {
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw null;
        }
    }
}
