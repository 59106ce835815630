using Kurobe.Domain.DataSources;

namespace Kurobe.Application.Querying.Ports;

/// <summary>
/// Decides, before any engine sees it, whether SQL is exactly one read-only statement that the sandbox allows.
/// One gate per kind of engine, because each parses its own dialect.
/// </summary>
public interface ISqlStatementGate
{
    DataSourceKind Kind { get; }

    /// <summary>
    /// Returns the statement when it may run; throws <see cref="Common.Errors.SqlNotAllowedException"/> with a plain
    /// reason when it may not. Nothing is executed either way.
    /// </summary>
    ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken);
}

/// <summary>SQL the gate let through.</summary>
/// <param name="Sql">The statement to run, with a trailing semicolon removed.</param>
/// <param name="NormalizedSql">
/// The statement with comments removed and whitespace outside literals collapsed: equal for queries that differ only
/// in layout, so it keys the result cache.
/// </param>
public sealed record GatedStatement(string Sql, string NormalizedSql);
