using System.Collections.Concurrent;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Infrastructure.Sql;

/// <summary>
/// Remembers a gate's verdicts by exact SQL text. A gate's verdict depends on the text alone, and dashboards send
/// the same statements again and again (each cache hit passes the gate first), so parsing them once is enough.
/// Memory is bounded: only statements up to <see cref="MaxRememberedLength"/> characters are remembered, and at most
/// <see cref="Capacity"/> of them (the memory starts over when full).
/// </summary>
internal sealed class RememberingStatementGate(ISqlStatementGate gate) : ISqlStatementGate
{
    public const int Capacity = 4_096;
    public const int MaxRememberedLength = 8_192;

    private readonly ConcurrentDictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);

    public DataSourceKind Kind => gate.Kind;

    public async ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken)
    {
        if (_verdicts.TryGetValue(sql, out var known))
        {
            return known.Statement ?? throw new SqlNotAllowedException(known.Refusal!);
        }

        Verdict verdict;
        try
        {
            verdict = new Verdict(await gate.CheckAsync(sql, cancellationToken), null);
        }
        catch (SqlNotAllowedException refused)
        {
            Remember(sql, new Verdict(null, refused.Message));
            throw;
        }

        Remember(sql, verdict);
        return verdict.Statement!;
    }

    private void Remember(string sql, Verdict verdict)
    {
        if (sql.Length > MaxRememberedLength)
        {
            return;
        }

        if (_verdicts.Count >= Capacity)
        {
            _verdicts.Clear();
        }

        _verdicts.TryAdd(sql, verdict);
    }

    private sealed record Verdict(GatedStatement? Statement, string? Refusal);
}
