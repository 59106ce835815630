namespace Kurobe.Application.Common.Errors;

/// <summary>A request broke one or more input rules; each failure names the input and says what is wrong.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyList<InputFailure> failures)
        : base(Describe(failures)) => Failures = failures;

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : base(message) => Failures = [];

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Failures = [];

    public IReadOnlyList<InputFailure> Failures { get; }

    private static string Describe(IReadOnlyList<InputFailure> failures) => failures.Count switch
    {
        0 => "The request is not valid.",
        1 => failures[0].Message,
        _ => string.Join(" ", failures.Select(f => f.Message)),
    };
}

/// <param name="Input">The input's name as the client sent it, for example <c>maxRows</c>.</param>
/// <param name="Message">What is wrong with it, in plain words.</param>
public sealed record InputFailure(string Input, string Message);
