using Kurobe.Application.Common.Errors;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.UnitTests.Fakes;

/// <summary>Lets everything through except SQL starting with "refuse", and normalizes by collapsing whitespace.</summary>
internal sealed class FakeGate(DataSourceKind kind = DataSourceKind.DuckDb) : ISqlStatementGate
{
    public DataSourceKind Kind => kind;

    public int Checks { get; private set; }

    public ValueTask<GatedStatement> CheckAsync(string sql, CancellationToken cancellationToken)
    {
        Checks++;
        if (sql.StartsWith("refuse", StringComparison.OrdinalIgnoreCase))
        {
            throw new SqlNotAllowedException("Refused by the test gate.");
        }

        return ValueTask.FromResult(new GatedStatement(sql.Trim(), string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }
}
