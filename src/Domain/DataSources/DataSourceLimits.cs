using Kurobe.Domain.Common;

namespace Kurobe.Domain.DataSources;

/// <summary>A source's own defaults; null means the server's. Requests may choose within the server's maximums.</summary>
public sealed record DataSourceLimits
{
    public static DataSourceLimits ServerDefaults { get; } = new(null, null);

    public DataSourceLimits(int? queryTimeoutSeconds, int? cacheTtlSeconds)
    {
        if (queryTimeoutSeconds is <= 0)
        {
            throw new DomainRuleException("A query timeout must be at least one second.");
        }

        if (cacheTtlSeconds is < 0)
        {
            throw new DomainRuleException("A cache time-to-live cannot be negative (0 turns caching off).");
        }

        QueryTimeoutSeconds = queryTimeoutSeconds;
        CacheTtlSeconds = cacheTtlSeconds;
    }

    public int? QueryTimeoutSeconds { get; }

    /// <summary>How long results stay cached; 0 turns caching off for the source.</summary>
    public int? CacheTtlSeconds { get; }
}
