using FluentValidation;
using Kurobe.Domain.Identity;

namespace Kurobe.Application.Identity;

/// <summary>Input rules shared by the identity use cases.</summary>
internal static class IdentityRules
{
    public const int MinPasswordLength = 12;

    // bcrypt reads at most 72 bytes; a longer password would be silently cut.
    public const int MaxPasswordBytes = 72;

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinPasswordLength).WithMessage($"A password has at least {MinPasswordLength} characters.")
            .Must(p => System.Text.Encoding.UTF8.GetByteCount(p ?? string.Empty) <= MaxPasswordBytes)
            .WithMessage($"A password has at most {MaxPasswordBytes} bytes (UTF-8).");

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(User.MaxEmailLength).EmailAddress();
}
