using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Engines;
using Kurobe.Domain.Common;
using Microsoft.Extensions.Options;

namespace Kurobe.Api.GraphQL.Errors;

/// <summary>
/// The one place where failures become GraphQL errors: each exception type maps to exactly one
/// <c>extensions.code</c>, messages are safe to show, and exception details appear only where configured.
/// </summary>
internal sealed partial class GraphQLErrorMapping(
    IOptions<GraphQLServerOptions> options,
    IHostEnvironment environment,
    ILogger<GraphQLErrorMapping> logger)
    : IErrorInfoProvider
{
    public const string UnexpectedMessage = "An unexpected error occurred. It has been logged; quote the traceId when reporting it.";

    private readonly bool _exposeDetails = options.Value.ExposeExceptionDetails ?? environment.IsDevelopment();

    /// <summary>Turns an exception thrown by a resolver or a stream into the error the client sees.</summary>
    public KurobeError ToError(Exception exception) => exception switch
    {
        KurobeError error => error,
        RequestValidationException invalid => new KurobeError(ErrorCodes.BadUserInput, invalid.Message, invalid)
        {
            Details = new Dictionary<string, object?>
            {
                ["inputs"] = invalid.Failures.Select(f => new Dictionary<string, object?> { ["input"] = f.Input, ["message"] = f.Message }).ToArray(),
            },
        },
        DomainRuleException rule => new KurobeError(ErrorCodes.BadUserInput, rule.Message, rule),
        UnauthenticatedException unauthenticated => new KurobeError(ErrorCodes.Unauthenticated, unauthenticated.Message, unauthenticated),
        ForbiddenException forbidden => new KurobeError(ErrorCodes.Forbidden, forbidden.Message, forbidden),
        NotFoundException notFound => new KurobeError(ErrorCodes.NotFound, notFound.Message, notFound),
        ConflictException conflict => new KurobeError(ErrorCodes.Conflict, conflict.Message, conflict),
        SqlNotAllowedException refused => new KurobeError(ErrorCodes.SqlNotAllowed, refused.Message, refused),
        EngineUnavailableException engine => new KurobeError(ErrorCodes.EngineUnavailable, engine.Message, engine),
        QueryFailedException failed => new KurobeError(ErrorCodes.QueryFailed, failed.Message, failed),
        QueryTimeoutException timeout => new KurobeError(ErrorCodes.QueryTimeout, timeout.Message, timeout),
        QueryCancelledException cancelled => new KurobeError(ErrorCodes.QueryCancelled, cancelled.Message, cancelled),
        DataSourceUnavailableException unavailable => new KurobeError(ErrorCodes.DataSourceUnavailable, unavailable.Message, unavailable),
        _ => Unexpected(exception),
    };

    public Task HandleUnhandledExceptionAsync(UnhandledExceptionContext context)
    {
        context.Exception = ToError(context.OriginalException);
        return Task.CompletedTask;
    }

    public ErrorInfo GetInfo(ExecutionError error)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = CodeOf(error) };
        var message = error.Message;
        if (error is KurobeError kurobe)
        {
            foreach (var (key, value) in kurobe.Details)
            {
                extensions[key] = value;
            }
        }
        else if (error is UnhandledError)
        {
            message = UnexpectedMessage;
        }

        if (Activity.Current is { } activity && extensions["code"] is ErrorCodes.InternalServerError)
        {
            extensions["traceId"] = activity.TraceId.ToString();
        }

        if (_exposeDetails && error.InnerException is { } inner)
        {
            extensions["details"] = inner.ToString();
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        KurobeError kurobe => kurobe.KurobeCode,
        SyntaxError => ErrorCodes.ParseFailed,
        ComplexityError => ErrorCodes.QueryTooComplex,
        InvalidVariableError or InvalidValueError => ErrorCodes.BadUserInput,
        ValidationError => ErrorCodes.ValidationFailed,
        DocumentError => ErrorCodes.BadRequest,
        _ => ErrorCodes.InternalServerError,
    };

    private KurobeError Unexpected(Exception exception)
    {
        LogUnexpected(logger, exception);
        return new KurobeError(ErrorCodes.InternalServerError, UnexpectedMessage, exception);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Unexpected error while executing a GraphQL operation")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
