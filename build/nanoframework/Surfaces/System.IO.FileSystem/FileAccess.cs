// Surface of nanoFramework.System.IO.FileSystem 1.1.93: our own declarations, never run.
// Read in nanoframework/System.IO.FileSystem, tag v1.1.93 (commit 434b26c6db29708367e4df3f4ea82095ef843372),
// System.IO.FileSystem/FileAccess.cs (all three members are used by the images).
namespace System.IO
{
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
