namespace Kurobe.Application.Common.Errors;

/// <summary>The query ran past its time limit and was stopped in the engine.</summary>
public sealed class QueryTimeoutException : Exception
{
    public QueryTimeoutException(TimeSpan limit)
        : base($"The query was stopped after its time limit of {limit.TotalSeconds:0.###} seconds.") => Limit = limit;

    public QueryTimeoutException()
    {
    }

    public QueryTimeoutException(string message)
        : base(message)
    {
    }

    public QueryTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan Limit { get; }
}
