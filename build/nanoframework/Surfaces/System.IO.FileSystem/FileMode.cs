// Surface of nanoFramework.System.IO.FileSystem 1.1.93: our own declarations, never run.
// Read in nanoframework/System.IO.FileSystem, tag v1.1.93 (commit 434b26c6db29708367e4df3f4ea82095ef843372),
// System.IO.FileSystem/FileMode.cs. Declared: the members the images use, with their upstream values
// (upstream also has CreateNew = 1, OpenOrCreate = 4, Truncate = 5).
namespace System.IO
{
    public enum FileMode
    {
        Create = 2,
        Open = 3,
        Append = 6,
    }
}
