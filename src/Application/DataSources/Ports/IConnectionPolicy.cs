using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources.Ports;

/// <summary>Server-side rules on where sources may point, for example which directories DuckDB files may live in.</summary>
public interface IConnectionPolicy
{
    /// <summary>Null when the connection is allowed; otherwise the reason it is not, safe to show.</summary>
    string? Refuse(DataSourceConnection connection);
}
