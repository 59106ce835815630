using System.ComponentModel.DataAnnotations;
using Kurobe.Application.Identity;

namespace Kurobe.Infrastructure.Identity;

/// <summary>The first start: the default tenant and its first owner API key.</summary>
public sealed class BootstrapOptions : IValidatableObject
{
    /// <summary>The environment variable with the bootstrap key to use instead of a generated one.</summary>
    public const string ApiKeyVariable = "KUROBE_BOOTSTRAP_API_KEY";

    public const string KeyFileName = "bootstrap-api-key";

    public const string KeyName = "bootstrap";

    /// <summary>The key to create (from <see cref="ApiKeyVariable"/>); a random one when unset.</summary>
    public string? ApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ApiKey) && !ApiKeySecret.TryParse(ApiKey.Trim(), out _, out _))
        {
            yield return new ValidationResult(
                $"{ApiKeyVariable} is not a Kurobe API key: it must be kb_<16 base62 characters>_<43 base62 characters>.",
                [nameof(ApiKey)]);
        }
    }
}
