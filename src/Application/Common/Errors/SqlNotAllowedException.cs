namespace Kurobe.Application.Common.Errors;

/// <summary>The SQL was refused before it ran: it is not a single read-only statement, or it uses something the sandbox forbids.</summary>
public sealed class SqlNotAllowedException : Exception
{
    public SqlNotAllowedException(string message)
        : base(message)
    {
    }

    public SqlNotAllowedException()
    {
    }

    public SqlNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
