using GraphQL;

namespace Kurobe.Api.GraphQL.Errors;

/// <summary>An error whose <c>extensions.code</c> Kurobe chose; see <see cref="ErrorCodes"/>.</summary>
internal sealed class KurobeError : ExecutionError
{
    public KurobeError(string code, string message, Exception? exception = null)
        : base(message, exception)
    {
        KurobeCode = code;
    }

    public string KurobeCode { get; }

    /// <summary>Extra members of <c>extensions</c> beside the code (for example the inputs that failed validation).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();
}
