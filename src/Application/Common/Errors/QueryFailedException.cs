namespace Kurobe.Application.Common.Errors;

/// <summary>The engine refused or failed the query; the message is the engine's own explanation, safe to show.</summary>
public sealed class QueryFailedException : Exception
{
    public QueryFailedException(string message)
        : base(message)
    {
    }

    public QueryFailedException()
    {
    }

    public QueryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
