using Kurobe.Application.Common.Errors;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Ports;

public static class DataSourceCatalogExtensions
{
    /// <summary>The source with the id; <see cref="NotFoundException"/> when there is none.</summary>
    public static async ValueTask<DataSource> GetAsync(this IDataSourceCatalog catalog, DataSourceId id, CancellationToken cancellationToken) =>
        await catalog.FindAsync(id, cancellationToken)
            ?? throw new NotFoundException($"There is no data source with id '{id}'.");
}
