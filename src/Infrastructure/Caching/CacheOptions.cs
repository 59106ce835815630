using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.Caching;

/// <summary>
/// The query-result cache. Redis is used as the shared second level when <c>ConnectionStrings:Redis</c> is set
/// (a StackExchange.Redis configuration string); without it results are cached in process only.
/// </summary>
/// <remarks>How long results are kept is the application's policy: <see cref="Application.Querying.Caching.ResultCacheOptions"/>, same section.</remarks>
public sealed class CacheOptions
{
    public const string SectionName = "Kurobe:Cache";

    /// <summary>Results whose encoded rows are larger than this are returned but not cached.</summary>
    [Range(1, 1_073_741_824)]
    public int MaximumPayloadBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Upper bound on what each node keeps in its own memory, in MiB (serialized size); when it is reached new results
    /// are kept in Redis only until the in-process level has compacted.
    /// </summary>
    [Range(1, 1_048_576)]
    public int LocalCacheMaxMegabytes { get; set; } = 512;

    /// <summary>
    /// The longest a node serves a result from its own memory before asking Redis again; shorter than the
    /// time to live so a node never holds a copy much longer than the shared one.
    /// </summary>
    [Range(1, 86_400)]
    public int LocalCacheExpirationSeconds { get; set; } = 60;

    /// <summary>The most a single Redis operation may add to a query; slower operations count as failures.</summary>
    [Range(10, 60_000)]
    public int RedisOperationTimeoutMilliseconds { get; set; } = 100;

    /// <summary>After a Redis failure, how long Redis is skipped entirely before one request probes it again.</summary>
    [Range(1, 3_600)]
    public int RedisRetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// How long a node trusts its copy of a source's generation before reading it from Redis again: the longest
    /// another node's invalidation can go unnoticed here. 0 reads it on every lookup.
    /// </summary>
    [Range(0, 60_000)]
    public int GenerationCheckMilliseconds { get; set; } = 1_000;

    /// <summary>Prepended to every Redis key, so several deployments can share one Redis.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[A-Za-z0-9_.:\-]{1,64}$", ErrorMessage = "Kurobe:Cache:KeyPrefix must be 1-64 letters, digits or _ . : -")]
    public string KeyPrefix { get; set; } = "kurobe:";
}
