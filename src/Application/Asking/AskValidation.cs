using FluentValidation;

namespace Kurobe.Application.Asking;

/// <summary>The input rules <c>ask</c> and <c>askStream</c> share.</summary>
internal static class AskValidation
{
    public const int MaxQuestionLength = 1_000;

    public static void AddQuestionRules<T>(AbstractValidator<T> validator, Func<T, string> question, Func<T, string?> engine)
    {
        validator.RuleFor(r => question(r))
            .Must(q => !string.IsNullOrWhiteSpace(q))
            .WithName("question")
            .WithMessage("question must not be empty.")
            .Must(q => q is null || q.Length <= MaxQuestionLength)
            .WithMessage($"question must be at most {MaxQuestionLength:N0} characters long.");

        validator.RuleFor(r => engine(r))
            .Matches("^[a-z0-9_][a-z0-9_-]{0,63}$")
            .When(r => engine(r) is not null)
            .WithName("engine")
            .WithMessage("engine must be a profile name: up to 64 lower-case letters, digits, '_' and '-'.");
    }
}
