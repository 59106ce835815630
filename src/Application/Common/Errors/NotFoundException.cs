namespace Kurobe.Application.Common.Errors;

/// <summary>The thing a request names does not exist (or the caller may not learn that it does).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
