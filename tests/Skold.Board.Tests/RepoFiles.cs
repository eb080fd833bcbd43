namespace Skold.Board.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Firmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }
            return dir ?? throw new InvalidOperationException("Firmware.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
}
