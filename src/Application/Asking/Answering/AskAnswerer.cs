using Kurobe.Application.Asking.KnownValues;
using Kurobe.Application.Asking.Ports;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.DataSources.Schema;
using Kurobe.Application.Engines;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Execution;
using Kurobe.Application.Querying.Ports;
using Kurobe.Application.Semantic.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.Asking.Answering;

/// <summary>
/// The steps <c>ask</c> and <c>askStream</c> share: gather what the engine needs, have it write SQL, check that SQL
/// with the statement gate and the source (asking the engine to correct it a bounded number of times), and record
/// the outcome in history.
/// </summary>
public sealed partial class AskAnswerer(
    IDataSourceCatalog catalog,
    IEnumerable<ISemanticModelCatalog> modelCatalogs,
    DataSourceSchemaCache schemas,
    KnownValuesProfiler knownValues,
    IVerifiedExampleStore examples,
    IAskHistory history,
    EngineCaller engines,
    SqlExecutor executor,
    ICurrentPrincipal currentPrincipal,
    IOptions<AskOptions> options,
    TimeProvider timeProvider,
    ILogger<AskAnswerer> logger)
{
    public async Task<AskContext> PrepareAsync(string question, DataSourceId? dataSourceId, string? engineProfile, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var principal = currentPrincipal.Required();
        var source = dataSourceId is { } id
            ? await catalog.GetAsync(id, cancellationToken)
            : await catalog.FindDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("No dataSourceId was given and no default data source is configured.");

        // Until the semantic layer is composed there may be no catalog; a source without a model is a normal case anyway.
        var model = modelCatalogs.LastOrDefault() is { } models ? await models.FindAsync(source.Name, cancellationToken) : null;
        var dialect = DialectOf(source.Kind);
        var schema = await ReadSchemaAsync(source, model, question, cancellationToken);
        var values = model is null ? new Dictionary<string, IReadOnlyList<string>>() : await knownValues.GetAsync(source, model, dialect, cancellationToken);
        var verified = await ExamplesAsync(principal, source, question, cancellationToken);
        var referenceDate = options.Value.ReferenceDate ?? DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        return new AskContext(
            Guid.CreateVersion7(timeProvider.GetUtcNow()),
            question,
            principal,
            source,
            dialect,
            model,
            schema,
            values,
            verified,
            referenceDate,
            engineProfile,
            started,
            timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Has the engine write SQL and checks it; on a refusal by the gate or the source, asks again with the failed
    /// attempt, up to <see cref="AskOptions.MaxCorrections"/> times. Engine failures become problems.
    /// </summary>
    public async Task<Generation> GenerateAsync(AskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = TimeSpan.FromSeconds(options.Value.EngineTimeoutSeconds);
        AskEngine? engine = null;
        AskUsage? usage = null;
        FailedAttempt? previous = null;
        var lastFailureWasGate = false;
        double engineMs = 0, checkMs = 0;
        for (var attempt = 0; attempt <= options.Value.MaxCorrections; attempt++)
        {
            var request = new TextToSqlRequest(
                context.Question, context.Schema, context.Model?.Model, context.Dialect, context.Examples, context.KnownValues, context.ReferenceDate, previous);
            var engineStarted = timeProvider.GetTimestamp();
            TextToSqlResult result;
            try
            {
                // The caller bounds the call, contains a plugin's failure and lets the profile's fallback answer.
                var answer = await engines.CallAsync<ITextToSqlEngine, TextToSqlResult>(
                    EngineKind.TextToSql, context.EngineProfile, limit, (e, token) => e.GenerateSqlAsync(request, token), _ => null, cancellationToken);
                result = answer.Result;
                engine = new AskEngine(answer.AnsweredBy.Provider, answer.AnsweredBy.Profile);
            }
            catch (EngineUnavailableException exception)
            {
                var code = exception.CallFailed ? AskProblemCodes.EngineFailed : AskProblemCodes.EngineUnavailable;
                return Failed(AskProblem.Of(code, exception.Message), engine, usage, attempt, engineMs + Elapsed(engineStarted), checkMs, previous?.Sql);
            }

            engineMs += Elapsed(engineStarted);
            usage = AskUsage.Add(usage, result.Usage);
            if (string.IsNullOrWhiteSpace(result.Sql))
            {
                var problem = result is { Refusal: { } refusal } && !string.IsNullOrWhiteSpace(refusal)
                    ? new AskProblem(AskProblemCodes.CannotAnswer, refusal, result.Suggestions ?? [])
                    : AskProblem.Of(AskProblemCodes.EngineFailed, $"The text-to-SQL engine '{engine!.Provider}' returned neither SQL nor a reason.");
                return Failed(problem, engine, usage, attempt, engineMs, checkMs, previous?.Sql) with
                {
                    Explanation = result.Explanation,
                    Confidence = result.Confidence,
                };
            }

            var checkStarted = timeProvider.GetTimestamp();
            var failure = await CheckAsync(context.Source, result.Sql, cancellationToken);
            checkMs += Elapsed(checkStarted);
            if (failure is null)
            {
                return new Generation(result.Sql, result.Sql, [], engine, result.Explanation, result.Confidence, usage, attempt, engineMs, checkMs);
            }

            LogCorrection(logger, engine!.Provider, attempt + 1, failure.Value.Error);
            previous = new FailedAttempt(result.Sql, failure.Value.Error);
            lastFailureWasGate = failure.Value.ByGate;
        }

        var exhausted = $"The engine's SQL was refused {options.Value.MaxCorrections + 1} times; the last time: {previous!.Error}";
        return Failed(
            AskProblem.Of(lastFailureWasGate ? AskProblemCodes.SqlNotAllowed : AskProblemCodes.CannotAnswer, exhausted),
            engine, usage, options.Value.MaxCorrections, engineMs, checkMs, previous.Sql);
    }

    /// <summary>Records the ask in history; a failure to record is logged, never the caller's problem.</summary>
    public async Task RecordAsync(AskContext context, string? sql, AskOutcome outcome, IReadOnlyList<AskProblem> problems, AskEngine? engine, long rowCount)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        var record = new AskRecord(
            context.AskId,
            context.Principal.TenantId,
            context.Principal.Id,
            context.Source.Id,
            context.Question,
            sql,
            outcome,
            problems.Count > 0 ? problems[0].Code : null,
            engine?.Provider,
            engine?.Profile,
            timeProvider.GetElapsedTime(context.StartedAt).TotalMilliseconds,
            rowCount,
            timeProvider.GetUtcNow());
        try
        {
            // Recorded even when the caller has gone: a cancelled ask is history too.
            await history.AddAsync(record, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogHistoryFailed(logger, exception);
        }
    }

    /// <summary>The problem a failure while running checked SQL becomes.</summary>
    public static AskProblem? ProblemOf(Exception exception) => exception switch
    {
        QueryFailedException failed => AskProblem.Of(AskProblemCodes.QueryFailed, failed.Message),
        QueryTimeoutException timeout => AskProblem.Of(AskProblemCodes.QueryTimeout, timeout.Message),
        QueryCancelledException cancelled => AskProblem.Of(AskProblemCodes.QueryCancelled, cancelled.Message),
        DataSourceUnavailableException unavailable => AskProblem.Of(AskProblemCodes.DataSourceUnavailable, unavailable.Message),
        SqlNotAllowedException refused => AskProblem.Of(AskProblemCodes.SqlNotAllowed, refused.Message),
        _ => null,
    };

    public static SqlDialect DialectOf(DataSourceKind kind) => kind switch
    {
        DataSourceKind.DuckDb => SqlDialect.DuckDb,
        DataSourceKind.Postgres => SqlDialect.PostgreSql,
        DataSourceKind.Trino => SqlDialect.Trino,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No dialect is known for this kind of source."),
    };

    /// <summary>
    /// Puts SQL through the statement gate, then has the source plan it without producing rows; returns why it failed,
    /// or null when it may run.
    /// </summary>
    public async Task<(string Error, bool ByGate)?> CheckAsync(DataSource source, string sql, CancellationToken cancellationToken)
    {
        PreparedSql prepared;
        try
        {
            prepared = await executor.PrepareAsync(new CheckedSql(source.Id, sql), cancellationToken);
        }
        catch (SqlNotAllowedException exception)
        {
            return (exception.Message, true);
        }

        // A zero-row probe makes every engine bind and plan the statement (names, types, functions) without running
        // it, through the same connector, limits and cancellation as the real query; see docs/ask.md.
        var probe = $"SELECT * FROM (\n{prepared.Statement.Sql}\n) AS kurobe_probe LIMIT 0";
        try
        {
            await using var execution = await executor.StartAsync(prepared with { Statement = new GatedStatement(probe, probe) }, QueryMode.Run, cancellationToken);
            await execution.ReadAsync(1);
            return null;
        }
        catch (QueryFailedException exception)
        {
            return (exception.Message, false);
        }
    }

    private async Task<DatabaseSchema> ReadSchemaAsync(DataSource source, SemanticModelDocument? model, string question, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await schemas.GetAsync(source, refresh: false, cancellationToken);
            return RelevantSchema.Select(snapshot.Schema, model?.Model, question, options.Value.MaxSchemaTables);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && model is not null)
        {
            // With a model the engine can still answer; the query itself will say whether the source is reachable.
            LogSchemaFailed(logger, source.Name.Value, exception);
            return new DatabaseSchema([]);
        }
    }

    private async Task<IReadOnlyList<VerifiedExample>> ExamplesAsync(Principal principal, DataSource source, string question, CancellationToken cancellationToken)
    {
        if (options.Value.MaxExamples == 0)
        {
            return [];
        }

        var all = await examples.ListAsync(principal.TenantId, source.Id, cancellationToken);
        var words = Words.Of(question);
        return
        [
            .. all.Select((e, index) => (Example: e, Index: index, Score: Words.Similarity(words, e.Question)))
                .OrderByDescending(e => e.Score)
                .ThenBy(e => e.Index)
                .Take(options.Value.MaxExamples)
                .Select(e => new VerifiedExample(e.Example.Question, e.Example.Sql)),
        ];
    }

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static Generation Failed(AskProblem problem, AskEngine? engine, AskUsage? usage, int corrections, double engineMs, double checkMs, string? lastSql) =>
        new(null, lastSql, [problem], engine, null, null, usage, corrections, engineMs, checkMs);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "The text-to-SQL engine {Provider} (profile {Profile}) failed")]
    private static partial void LogEngineFailed(ILogger logger, string provider, string profile, Exception exception);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Asking {Provider} to correct its SQL (correction {Correction}): {Error}")]
    private static partial void LogCorrection(ILogger logger, string provider, int correction, string error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Could not record an ask in history")]
    private static partial void LogHistoryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Could not read the schema of data source {DataSourceName} for a question; asking with the model only")]
    private static partial void LogSchemaFailed(ILogger logger, string dataSourceName, Exception exception);

    private sealed record CheckedSql(DataSourceId? DataSourceId, string Sql) : ISqlRequest
    {
        public int? MaxRows => null;

        public int? TimeoutSeconds => null;
    }
}
