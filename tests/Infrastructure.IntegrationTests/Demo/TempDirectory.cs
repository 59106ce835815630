namespace Kurobe.Infrastructure.IntegrationTests.Demo;

/// <summary>A unique directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "kurobe-demo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string Combine(string fileName) => Path.Combine(FullPath, fileName);

    public IReadOnlyList<string> EntryNames() =>
        Directory.GetFileSystemEntries(FullPath).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
