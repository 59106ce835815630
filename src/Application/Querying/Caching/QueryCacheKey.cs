using System.Globalization;
using System.Security.Cryptography;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;

namespace Kurobe.Application.Querying.Caching;

/// <summary>What makes two <c>runQuery</c> requests share a result.</summary>
/// <param name="Tenant">The tenant the result belongs to; results never cross tenants.</param>
/// <param name="Source">The source queried.</param>
/// <param name="SourceRevision">The source's revision: a reconfigured source does not serve results from before.</param>
/// <param name="NormalizedSql">The statement as the gate normalized it.</param>
/// <param name="MaxRows">The row cap, which shapes the result.</param>
public sealed record QueryCacheKey(TenantId Tenant, DataSourceId Source, int SourceRevision, string NormalizedSql, long MaxRows)
{
    /// <summary>The tag every entry of <paramref name="source"/> carries, for invalidation.</summary>
    public static string TagFor(DataSourceId source) => $"source:{source}";

    public string Tag => TagFor(Source);

    /// <summary>A compact, stable key: the SQL is hashed so keys stay short and never reveal it to the cache store.</summary>
    public string Value
    {
        get
        {
            var text = string.Join('\n', Tenant.ToString(), Source.ToString(), SourceRevision.ToString(CultureInfo.InvariantCulture), MaxRows.ToString(CultureInfo.InvariantCulture), NormalizedSql);
            var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
            return $"kurobe:result:{Source}:{Convert.ToHexStringLower(hash)}";
        }
    }
}
