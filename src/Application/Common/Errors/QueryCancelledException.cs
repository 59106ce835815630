namespace Kurobe.Application.Common.Errors;

/// <summary>Someone cancelled the query while it ran (through <c>cancelQuery</c>), and the engine stopped it.</summary>
public sealed class QueryCancelledException : Exception
{
    public QueryCancelledException(string message)
        : base(message)
    {
    }

    public QueryCancelledException()
    {
    }

    public QueryCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
