using Kurobe.Application.Asking;
using Kurobe.Application.Asking.Answering;
using Kurobe.Application.Asking.Ask;
using Kurobe.Application.Asking.AskStream;
using Kurobe.Application.Asking.KnownValues;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Application.Engines;
using Kurobe.Application.Engines.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Application.Querying.StreamSql;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Application.UnitTests.Fakes;
using Kurobe.Application.Visualization.RecommendChart;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Kurobe.Application.UnitTests.Asking;

/// <summary>
/// The ask use cases over fakes: a scripted text-to-SQL engine, the test gate (refuses SQL starting with "refuse"), a
/// connector whose planning fails for SQL containing "broken", and in-memory history and examples.
/// </summary>
internal sealed class AskHarness
{
    public static readonly Principal Analyst = new(new TenantId(Guid.Parse("0b9a2f64-9a62-4c1b-a7a3-1b2f6f0c9d10")), PrincipalKind.User, "user-1", "Ana", Role.Analyst);

    public AskHarness(Func<TextToSqlRequest, CancellationToken, Task<TextToSqlResult>> engine, AskOptions? options = null, long rows = 3, TimeSpan readDelay = default)
    {
        Connector = new ProbingConnector(new FakeConnector(rows) { ReadDelay = readDelay });
        Setup = new Setup(Connector);
        Engine = new ScriptedTextToSql(engine);
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new AskOptions());
        var principal = Substitute.For<ICurrentPrincipal>();
        principal.Current.Returns(_ => Principal);
        var catalog = new FakeDataSources(FakeDataSources.DuckDb("demo", isDefault: true));
        var schemas = new DataSourceSchemaCache([Connector], Microsoft.Extensions.Options.Options.Create(new DataSourceOptions()), TimeProvider.System);
        var profiler = new KnownValuesProfiler(
            Substitute.For<IServiceScopeFactory>(), [], Options, TimeProvider.System, NullLogger<KnownValuesProfiler>.Instance);
        Answerer = new AskAnswerer(
            catalog, Models, schemas, profiler, Examples, History, new EngineCaller(Engine, NullLogger<EngineCaller>.Instance), Setup.Executor, principal, Options, TimeProvider.System, NullLogger<AskAnswerer>.Instance);
        Charts = new RecommendChartQueryHandler(new EngineCaller(Engine, NullLogger<EngineCaller>.Instance), Microsoft.Extensions.Options.Options.Create(new EngineOptions()));
    }

    public Principal? Principal { get; set; } = Analyst;

    public ProbingConnector Connector { get; }

    public Setup Setup { get; }

    public ScriptedTextToSql Engine { get; }

    public IOptions<AskOptions> Options { get; }

    public List<ISemanticModelCatalog> Models { get; } = [];

    public InMemoryHistory History { get; } = new();

    public InMemoryExamples Examples { get; } = new();

    public AskAnswerer Answerer { get; }

    public RecommendChartQueryHandler Charts { get; }

    public AskCommandHandler Ask() => new(Answerer, Setup.RunSql(), Charts, Options, TimeProvider.System, NullLogger<AskCommandHandler>.Instance);

    public AskStreamCommandHandler AskStream() =>
        new(Answerer, new StreamSqlQueryHandler(Setup.Executor, Setup.Options, TimeProvider.System), Charts, Options, TimeProvider.System, NullLogger<AskStreamCommandHandler>.Instance);

    /// <summary>Plans fail (as the source would fail to bind them) for SQL containing "broken"; everything else runs on the fake.</summary>
    internal sealed class ProbingConnector(FakeConnector inner) : IDataSourceConnector
    {
        public FakeConnector Inner { get; } = inner;

        public DataSourceKind Kind => Inner.Kind;

        public Task<IQueryCursor> OpenAsync(DataSource source, string sql, EngineLimits limits, CancellationToken cancellationToken) =>
            sql.Contains("broken", StringComparison.Ordinal)
                ? throw new QueryFailedException("Binder Error: column \"broken\" does not exist.")
                : Inner.OpenAsync(source, sql, limits, cancellationToken);

        public Task<DatabaseSchema> ReadSchemaAsync(DataSource source, CancellationToken cancellationToken) => Inner.ReadSchemaAsync(source, cancellationToken);

        public Task<string?> PingAsync(DataSource source, CancellationToken cancellationToken) => Inner.PingAsync(source, cancellationToken);

        public ValueTask ReleaseAsync(DataSourceId id) => Inner.ReleaseAsync(id);
    }

    /// <summary>A registry with one text-to-SQL engine whose answers the test scripts; no visualization engine.</summary>
    internal sealed class ScriptedTextToSql(Func<TextToSqlRequest, CancellationToken, Task<TextToSqlResult>> answer) : IEngineRegistry, ITextToSqlEngine
    {
        public List<TextToSqlRequest> Requests { get; } = [];

        public int Leases { get; private set; }

        public bool Unavailable { get; set; }

        public EngineKind Kind => EngineKind.TextToSql;

        public IReadOnlyList<EngineStatus> Statuses => [Status];

        private static EngineStatus Status => new(EngineKind.TextToSql, "default", "scripted", "scripted-plugin", new Version(1, 0), EngineState.Ready, null, null);

        public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
            where TEngine : class, IEngine
        {
            if (kind != EngineKind.TextToSql || Unavailable)
            {
                throw new EngineUnavailableException($"No {kind} engine is configured for the profile '{profile ?? "default"}'.");
            }

            Leases++;
            return new EngineLease<TEngine>((this as TEngine)!, Status, () => Leases--);
        }

        public void ReportCallFailure(EngineKind kind, string profile, string error)
        {
        }

        public Task<TextToSqlResult> GenerateSqlAsync(TextToSqlRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return answer(request, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    internal sealed class InMemoryHistory : IAskHistory
    {
        public List<AskRecord> Records { get; } = [];

        public Task AddAsync(AskRecord record, CancellationToken cancellationToken)
        {
            lock (Records)
            {
                Records.Add(record);
            }

            return Task.CompletedTask;
        }

        public Task<AskRecord?> FindAsync(TenantId tenant, Guid id, CancellationToken cancellationToken) =>
            Task.FromResult(Records.FirstOrDefault(r => r.TenantId == tenant && r.Id == id));

        public Task<AskHistoryPage> ListAsync(TenantId tenant, int first, AskHistoryPosition? after, CancellationToken cancellationToken) =>
            Task.FromResult(new AskHistoryPage([.. Records.Where(r => r.TenantId == tenant).Reverse().Take(first)], false));

        public Task<bool> SetFeedbackAsync(TenantId tenant, Guid id, AskRating rating, string? correctedSql, DateTimeOffset at, CancellationToken cancellationToken)
        {
            var index = Records.FindIndex(r => r.TenantId == tenant && r.Id == id);
            if (index >= 0)
            {
                Records[index] = Records[index] with { Rating = rating, CorrectedSql = correctedSql };
            }

            return Task.FromResult(index >= 0);
        }
    }

    internal sealed class InMemoryExamples : IVerifiedExampleStore
    {
        public List<VerifiedExampleEntry> Entries { get; } = [];

        public Task<VerifiedExampleEntry> AddAsync(VerifiedExampleEntry example, CancellationToken cancellationToken)
        {
            var existing = Entries.FirstOrDefault(e => e.TenantId == example.TenantId && e.DataSourceId == example.DataSourceId && e.Question == example.Question && e.Sql == example.Sql);
            if (existing is null)
            {
                Entries.Add(example);
            }

            return Task.FromResult(existing ?? example);
        }

        public Task<IReadOnlyList<VerifiedExampleEntry>> ListAsync(TenantId tenant, DataSourceId dataSource, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<VerifiedExampleEntry>>([.. Entries.Where(e => e.TenantId == tenant && e.DataSourceId == dataSource).Reverse()]);

        public Task<bool> RemoveAsync(TenantId tenant, Guid id, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.RemoveAll(e => e.TenantId == tenant && e.Id == id) > 0);
    }
}
