using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.DataSources;

/// <summary>
/// DuckDB sources read files on this server, so they may only point into the data directory or the directories an
/// operator allowed in <c>Kurobe:DataSources:DuckDbDirectories</c>; a relative path is relative to the data directory.
/// </summary>
internal sealed class ConnectionPolicy(IOptions<StorageOptions> storage, IOptions<DuckDbFileOptions> files) : IConnectionPolicy
{
    public string? Refuse(DataSourceConnection connection)
    {
        if (connection is not DuckDbConnection duckDb)
        {
            return null;
        }

        var path = storage.Value.ResolvePath(duckDb.Path);
        IEnumerable<string> allowed = [storage.Value.ResolveDataDirectory(), .. files.Value.DuckDbDirectories.Select(d => Path.GetFullPath(d))];
        if (!allowed.Any(directory => IsInside(path, directory)))
        {
            return "A DuckDB file must be inside the server's data directory or a directory listed in Kurobe:DataSources:DuckDbDirectories.";
        }

        return File.Exists(path) ? null : "There is no DuckDB file at that path.";
    }

    private static bool IsInside(string path, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal);
    }
}

/// <summary>Where DuckDB files added through the API may live, besides the data directory.</summary>
public sealed class DuckDbFileOptions
{
    public const string SectionName = "Kurobe:DataSources";

    public IList<string> DuckDbDirectories { get; } = [];
}
