using System.Net.Sockets;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Npgsql;

namespace Kurobe.Infrastructure.Postgres;

/// <summary>
/// Turns Npgsql's exceptions into Kurobe's: the SQL's own errors keep PostgreSQL's message (and nothing more: no
/// detail, hint or context, which can quote data and server internals); failures to reach or log in to the server
/// get a plain message naming the source.
/// </summary>
internal static class PostgresErrors
{
    /// <summary>SQLSTATEs that mean the server, not the query, is the problem.</summary>
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || sqlState.StartsWith("28", StringComparison.Ordinal) // invalid authorization (28P01: wrong password)
        || sqlState is "3D000" // the database does not exist
            or "53300" // too many connections
            or "57P01" or "57P02" or "57P03" or "57P04"; // shutdown, crash, starting up, database dropped

    public static bool IsTranslatable(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException;

    /// <param name="sourceName">The data source, for messages.</param>
    /// <param name="limits">The query's budget, for the timeout's message; null outside queries.</param>
    /// <param name="statementTimeout">The server-side limit, to tell a statement timeout from another cancel.</param>
    /// <param name="elapsed">How long the query had run when it failed.</param>
    public static Exception Translate(Exception exception, string sourceName, EngineLimits? limits = null, TimeSpan? statementTimeout = null, TimeSpan? elapsed = null)
    {
        if (exception is PostgresException postgres)
        {
            if (IsUnavailable(postgres.SqlState))
            {
                return Unavailable(sourceName, postgres);
            }

            // 57014 is also an administrator's pg_cancel_backend; only a statement that ran its full time timed out.
            if (limits is not null && postgres.SqlState == "57014" && elapsed >= statementTimeout * 0.9)
            {
                return new QueryTimeoutException(limits.Timeout);
            }

            return new QueryFailedException(postgres.MessageText, postgres);
        }

        return Unavailable(sourceName, exception);
    }

    private static DataSourceUnavailableException Unavailable(string sourceName, Exception exception)
    {
        var reason = exception switch
        {
            PostgresException { SqlState: "28P01" or "28000" } =>
                "refused the login; check the username and password",
            PostgresException { SqlState: "3D000" } => "has no such database",
            PostgresException { SqlState: "53300" } => "has no free connections",
            PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "is shutting down or starting up",
            PostgresException => "refused the connection",
            _ when HasInner<TimeoutException>(exception) => "did not answer in time",
            _ when HasInner<SocketException>(exception) => "cannot be reached",
            _ => "closed the connection",
        };
        return new DataSourceUnavailableException($"The PostgreSQL server of data source '{sourceName}' {reason}.", exception);
    }

    private static bool HasInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }

        return false;
    }
}
