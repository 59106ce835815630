using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying;

/// <summary>What every request that runs SQL carries.</summary>
public interface ISqlRequest
{
    /// <summary>The source to run on; the default source when null.</summary>
    DataSourceId? DataSourceId { get; }

    string Sql { get; }

    int? TimeoutSeconds { get; }
}
