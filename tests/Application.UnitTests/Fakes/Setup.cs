using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Execution;
using Kurobe.Domain.DataSources;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.UnitTests.Fakes;

internal sealed class Setup
{
    public Setup(IDataSourceConnector runner, QueryOptions? options = null, TimeProvider? time = null, params DataSource[] sources)
    {
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new QueryOptions());
        Time = time ?? TimeProvider.System;
        Registry = new RunningQueryRegistry(Time);
        Executor = new SqlExecutor(new FakeDataSources(sources.Length == 0 ? [FakeDataSources.DuckDb("demo", isDefault: true)] : sources), [runner], [Gate], Registry, Options, Time);
    }

    public FakeGate Gate { get; } = new();

    public FakeResultCache Cache { get; } = new();

    public IOptions<QueryOptions> Options { get; }

    public TimeProvider Time { get; }

    public RunningQueryRegistry Registry { get; }

    public SqlExecutor Executor { get; }

    public Kurobe.Application.Querying.RunSql.RunSqlQueryHandler RunSql() => new(Executor, Cache, Options, Microsoft.Extensions.Options.Options.Create(CacheOptions), Time);

    public Kurobe.Application.Querying.Caching.ResultCacheOptions CacheOptions { get; } = new();
}
