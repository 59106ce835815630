using System.ComponentModel.DataAnnotations;

namespace Kurobe.Infrastructure.RateLimiting;

/// <summary>
/// Requests per fixed window: per principal (a user or an API key), per tenant (all its principals together), and
/// per client address for requests without credentials (login). Shared through Redis when
/// <c>ConnectionStrings:Redis</c> is set, so the limits hold across nodes; per node otherwise.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "Kurobe:RateLimits";

    public bool Enabled { get; set; } = true;

    [Required]
    public RateLimitWindow PerPrincipal { get; set; } = new() { PermitLimit = 1_200, WindowSeconds = 60 };

    [Required]
    public RateLimitWindow PerTenant { get; set; } = new() { PermitLimit = 6_000, WindowSeconds = 60 };

    [Required]
    public RateLimitWindow PerAnonymousClient { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    // Data annotations do not look into nested objects: each window is checked here, named by its path.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, window) in new[] { (nameof(PerPrincipal), PerPrincipal), (nameof(PerTenant), PerTenant), (nameof(PerAnonymousClient), PerAnonymousClient) })
        {
            if (window is null)
            {
                continue;
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(window, new ValidationContext(window), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult(
                        $"{SectionName}:{name}: {result.ErrorMessage}", [.. result.MemberNames.Select(m => $"{name}:{m}")]);
                }
            }
        }
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests every <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitWindow
{
    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
