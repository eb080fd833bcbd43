namespace Skold.Nano.Tests;

/// <summary>A folder under the system's temporary folder, deleted with everything in it.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
