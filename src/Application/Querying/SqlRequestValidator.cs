using FluentValidation;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Querying;

/// <summary>The input rules every SQL request shares.</summary>
public abstract class SqlRequestValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : ISqlRequest
{
    /// <param name="maxRowsLimit">The most rows this use case may deliver.</param>
    /// <param name="maxRowsAdvice">Appended to the maxRows message, e.g. where to go for more rows.</param>
    protected SqlRequestValidator(IOptions<QueryOptions> options, int maxRowsLimit, string maxRowsAdvice = "")
    {
        var limits = options.Value;

        RuleFor(r => r.Sql)
            .Must(sql => !string.IsNullOrWhiteSpace(sql))
            .WithMessage("sql must not be empty.")
            .Must(sql => sql is null || sql.Length <= limits.MaxSqlLength)
            .WithMessage($"sql must be at most {limits.MaxSqlLength:N0} characters long.");

        RuleFor(r => r.TimeoutSeconds)
            .InclusiveBetween(1, limits.MaxTimeoutSeconds)
            .When(r => r.TimeoutSeconds is not null)
            .WithMessage($"timeoutSeconds must be between 1 and {limits.MaxTimeoutSeconds}.");

        RuleFor(r => r.MaxRows)
            .InclusiveBetween(1, maxRowsLimit)
            .When(r => r.MaxRows is not null)
            .WithMessage($"maxRows must be between 1 and {maxRowsLimit:N0}{maxRowsAdvice}.");
    }
}
