namespace Kurobe.Application.Common.Errors;

/// <summary>The request carries no valid credentials.</summary>
public sealed class UnauthenticatedException : Exception
{
    public UnauthenticatedException(string message)
        : base(message)
    {
    }

    public UnauthenticatedException()
    {
    }

    public UnauthenticatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
