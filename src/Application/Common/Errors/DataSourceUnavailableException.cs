namespace Kurobe.Application.Common.Errors;

/// <summary>The data source exists but cannot be reached or opened right now.</summary>
public sealed class DataSourceUnavailableException : Exception
{
    public DataSourceUnavailableException(string message)
        : base(message)
    {
    }

    public DataSourceUnavailableException()
    {
    }

    public DataSourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
