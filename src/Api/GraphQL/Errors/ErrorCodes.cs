namespace Kurobe.Api.GraphQL.Errors;

/// <summary>
/// The stable values of <c>extensions.code</c>. Clients branch on these, so they never change meaning; see
/// docs/errors.md. The GraphQL-level codes follow the ones front ends already know from other servers.
/// </summary>
internal static class ErrorCodes
{
    // The request itself
    public const string BadRequest = "BAD_REQUEST";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    // The GraphQL document
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string BadUserInput = "BAD_USER_INPUT";

    // Who asks
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";

    // Executing it
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string SqlNotAllowed = "SQL_NOT_ALLOWED";
    public const string QueryFailed = "QUERY_FAILED";
    public const string QueryTimeout = "QUERY_TIMEOUT";
    public const string QueryCancelled = "QUERY_CANCELLED";
    public const string DataSourceUnavailable = "DATA_SOURCE_UNAVAILABLE";
    public const string EngineUnavailable = "ENGINE_UNAVAILABLE";
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
