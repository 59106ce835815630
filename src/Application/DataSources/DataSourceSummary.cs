using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources;

public sealed record DataSourceSummary(DataSourceId Id, string Name, DataSourceKind Kind, bool IsDefault)
{
    public static DataSourceSummary From(DataSource source) =>
        new(source.Id, source.Name.Value, source.Kind, source.IsDefault);
}
