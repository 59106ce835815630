using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying;

/// <summary>What every request that runs SQL carries.</summary>
public interface ISqlRequest
{
    /// <summary>The source to run on; the default source when null.</summary>
    DataSourceId? DataSourceId { get; }

    string Sql { get; }

    /// <summary>The most rows to deliver; the use case's default when null.</summary>
    int? MaxRows { get; }

    int? TimeoutSeconds { get; }
}
