using System.ComponentModel.DataAnnotations;

namespace Kurobe.Application.Querying.Caching;

/// <summary>How long <c>runQuery</c> results are cached. The cache's storage settings share the section.</summary>
public sealed class ResultCacheOptions : IValidatableObject
{
    public const string SectionName = "Kurobe:Cache";

    /// <summary>How long a result is kept when neither the source nor the request says; 0 turns caching off.</summary>
    [Range(0, 31_536_000)]
    public int DefaultTtlSeconds { get; set; } = 300;

    /// <summary>The longest time-to-live a source or request may ask for.</summary>
    [Range(1, 31_536_000)]
    public int MaxTtlSeconds { get; set; } = 86_400;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultTtlSeconds > MaxTtlSeconds)
        {
            yield return new ValidationResult(
                "Kurobe:Cache:DefaultTtlSeconds must not exceed Kurobe:Cache:MaxTtlSeconds.",
                [nameof(DefaultTtlSeconds), nameof(MaxTtlSeconds)]);
        }
    }
}
