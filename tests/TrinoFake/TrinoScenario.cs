namespace Kurobe.TrinoFake;

/// <summary>A result column as Trino describes it: a name and a Trino type string.</summary>
public sealed record FakeColumn(string Name, string Type);

/// <summary>The <c>error</c> object of a failed query, as Trino writes it.</summary>
public sealed record FakeTrinoError(string Message, string ErrorName, string ErrorType, int ErrorCode)
{
    public static FakeTrinoError TableNotFound(string message) => new(message, "TABLE_NOT_FOUND", "USER_ERROR", 46);

    public static FakeTrinoError SyntaxError(string message) => new(message, "SYNTAX_ERROR", "USER_ERROR", 1);

    public static FakeTrinoError UserCanceled() => new("Query was canceled", "USER_CANCELED", "USER_ERROR", 3);

    public static FakeTrinoError ExceededTimeLimit() => new("Query exceeded maximum time limit of 35.00s", "EXCEEDED_TIME_LIMIT", "INSUFFICIENT_RESOURCES", 131075);

    public static FakeTrinoError InsufficientResources() => new("Query exceeded per-node memory limit of 1GB", "EXCEEDED_LOCAL_MEMORY_LIMIT", "INSUFFICIENT_RESOURCES", 131079);
}

/// <summary>
/// How the fake answers one SQL text. Rows are produced on demand by <see cref="Row"/>, so a result of millions of
/// rows costs no memory. By default the columns come on their own page without data, as Trino sends them.
/// </summary>
public sealed class TrinoScenario
{
    public IReadOnlyList<FakeColumn> Columns { get; init; } = [];

    public long RowCount { get; init; }

    /// <summary>The JSON values of row n, in column order: strings, numbers, booleans, null, arrays and string-keyed dictionaries.</summary>
    public Func<long, object?[]> Row { get; init; } = _ => [];

    public int RowsPerPage { get; init; } = 100;

    /// <summary>Pages with neither columns' news nor data inserted before every data page.</summary>
    public int EmptyPagesBeforeEachDataPage { get; init; }

    /// <summary>Sends the columns with the first data page instead of on a page of their own.</summary>
    public bool ColumnsWithFirstData { get; init; }

    /// <summary>How many GETs answer QUEUED before the query executes.</summary>
    public int QueuedPages { get; init; } = 1;

    /// <summary>A wait before every executing page, to model a slow query.</summary>
    public TimeSpan PageDelay { get; init; }

    /// <summary>The first executing page (token) that waits <see cref="PageDelay"/>.</summary>
    public int PageDelayFromPage { get; init; }

    /// <summary>Fails the query: on the first GET (like a query that does not plan), or after <see cref="FailAfterDataPages"/> data pages.</summary>
    public FakeTrinoError? Failure { get; init; }

    public int FailAfterDataPages { get; init; }

    /// <summary>Consecutive 503 answers before the executing page <see cref="UnavailableAtPage"/> is served.</summary>
    public int UnavailableResponses { get; init; }

    public int UnavailableAtPage { get; init; } = 1;

    /// <summary>Answers the executing page <see cref="ForcedStatusAtPage"/> with this status (404, 410, 500, ...).</summary>
    public int? ForcedStatus { get; init; }

    public int ForcedStatusAtPage { get; init; } = 1;

    /// <summary>Never finishes: after the columns (if any), empty pages with a <c>nextUri</c> forever.</summary>
    public bool Endless { get; init; }

    /// <summary>Writes <c>nextUri</c> after <c>data</c> and <c>stats</c>, which JSON allows and clients must handle.</summary>
    public bool NextUriAfterData { get; init; }

    /// <summary>Points <c>nextUri</c> at another host name (<c>localhost</c> instead of 127.0.0.1), as a hostile or misconfigured coordinator might.</summary>
    public bool ForeignNextUri { get; init; }

    public static TrinoScenario Failing(FakeTrinoError error) => new() { Failure = error };
}
