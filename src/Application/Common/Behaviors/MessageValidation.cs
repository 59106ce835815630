using FluentValidation;
using Kurobe.Application.Common.Errors;

namespace Kurobe.Application.Common.Behaviors;

internal static class MessageValidation
{
    public static async ValueTask ThrowIfInvalidAsync<TMessage>(
        IEnumerable<IValidator<TMessage>> validators,
        TMessage message,
        CancellationToken cancellationToken)
    {
        List<InputFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var error in result.Errors)
            {
                (failures ??= []).Add(new InputFailure(ToInputName(error.PropertyName), error.ErrorMessage));
            }
        }

        if (failures is not null)
        {
            throw new RequestValidationException(failures);
        }
    }

    // Clients know inputs by their GraphQL names (camelCase), not by C# property names.
    private static string ToInputName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
