namespace Kurobe.Application.Asking;

/// <summary>Why a question got no (complete) answer. Expected outcomes are data, not errors.</summary>
/// <param name="Code">A stable code from <see cref="AskProblemCodes"/>.</param>
/// <param name="Message">What happened, safe to show.</param>
/// <param name="Suggestions">Rephrasings or terms of the data that would work, when there are any.</param>
public sealed record AskProblem(string Code, string Message, IReadOnlyList<string> Suggestions)
{
    public static AskProblem Of(string code, string message) => new(code, message, []);
}

/// <summary>The codes of <see cref="AskProblem"/>; the same words as the GraphQL error codes where they overlap.</summary>
public static class AskProblemCodes
{
    /// <summary>The engine refused, or its SQL kept failing after every correction.</summary>
    public const string CannotAnswer = "CANNOT_ANSWER";

    /// <summary>The engine's last SQL was refused by the statement gate.</summary>
    public const string SqlNotAllowed = "SQL_NOT_ALLOWED";

    /// <summary>No text-to-SQL engine is configured or loaded for the profile.</summary>
    public const string EngineUnavailable = "ENGINE_UNAVAILABLE";

    /// <summary>The engine threw, returned nothing usable or did not answer in time.</summary>
    public const string EngineFailed = "ENGINE_FAILED";

    /// <summary>The SQL failed in the source while running.</summary>
    public const string QueryFailed = "QUERY_FAILED";

    /// <summary>The SQL ran past its time limit.</summary>
    public const string QueryTimeout = "QUERY_TIMEOUT";

    /// <summary>The query was cancelled through <c>cancelQuery</c>.</summary>
    public const string QueryCancelled = "QUERY_CANCELLED";

    /// <summary>The source could not be reached.</summary>
    public const string DataSourceUnavailable = "DATA_SOURCE_UNAVAILABLE";
}
