using Kurobe.Application.DataSources.Health;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources;

/// <summary>What clients may see of a data source: everything but its secret, plus its latest health.</summary>
public sealed record DataSourceView(
    DataSourceId Id,
    string Name,
    DataSourceKind Kind,
    DataSourceConnection Connection,
    DataSourceOrigin Origin,
    bool IsDefault,
    bool HasSecret,
    DataSourceLimits Limits,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DataSourceStatus Status)
{
    public static DataSourceView From(DataSource source, DataSourceStatus status) =>
        new(
            source.Id,
            source.Name.Value,
            source.Kind,
            source.Connection,
            source.Origin,
            source.IsDefault,
            source.HasSecret,
            source.Limits,
            source.Revision,
            source.CreatedAt,
            source.UpdatedAt,
            status);
}
