namespace Skold.Tests.Host;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the first folder above the test binaries holding Firmware.sln.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new DirectoryNotFoundException("no Firmware.sln above " + AppContext.BaseDirectory);
        }
    }

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
