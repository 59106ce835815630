using Kurobe.Application.Querying.Ports;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>A query's limits, and what its errors are translated against.</summary>
/// <param name="StatementTimeout">The server's limit per statement (each batch's fetch): the budget plus a margin.</param>
/// <param name="IdleTimeout">How long the server keeps the transaction while the consumer reads no batch.</param>
/// <param name="ClientTimeoutSeconds">Npgsql's own limit, for a server that stopped answering.</param>
internal sealed record PostgresQuery(string SourceName, EngineLimits Limits, TimeSpan StatementTimeout, TimeSpan IdleTimeout, int ClientTimeoutSeconds, TimeProvider Time)
{
    public Exception Translate(Exception exception, long statementStartedAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or NpgsqlException)
        {
            return exception as OperationCanceledException ?? new OperationCanceledException("The query was stopped.", exception, cancellationToken);
        }

        return PostgresErrors.IsTranslatable(exception)
            ? PostgresErrors.Translate(exception, SourceName, Limits, StatementTimeout, Time.GetElapsedTime(statementStartedAt))
            : exception;
    }
}
