namespace Kurobe.Application.Common.Errors;

/// <summary>The request conflicts with the current state, for example a name that is already taken.</summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException()
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
