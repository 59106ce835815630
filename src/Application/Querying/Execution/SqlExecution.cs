using System.Diagnostics;
using Kurobe.Application.Common.Diagnostics;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Plugins.Abstractions;

namespace Kurobe.Application.Querying.Execution;

/// <summary>
/// One running query. The time limit counts only time spent waiting on the engine, so a streaming client that reads
/// slowly (and holds the query back through back-pressure) does not use up the query's time.
/// </summary>
public sealed class SqlExecution : IAsyncDisposable
{
    private readonly RunningQuery _running;
    private readonly TimeSpan _timeLimit;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationTokenRegistration _cancelRequestRegistration;
    private readonly long _startedAt;
    private readonly Activity? _activity;
    private TimeSpan _timeLeft;
    private IQueryCursor? _cursor;
    private string _outcome = "stopped";

    internal SqlExecution(DataSource source, RunningQuery running, TimeSpan timeLimit, TimeProvider timeProvider, CancellationToken callerToken)
    {
        Source = source;
        _running = running;
        _timeLimit = timeLimit;
        _timeLeft = timeLimit;
        _timeProvider = timeProvider;
        _callerToken = callerToken;
        _stop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _callerRegistration = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _stop);
        _cancelRequestRegistration = running.CancelledByRequest.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _stop);
        _startedAt = timeProvider.GetTimestamp();
        _activity = KurobeDiagnostics.ActivitySource.StartActivity("sql.execute", ActivityKind.Client);
        _activity?.SetTag("db.system.name", EngineName);
        _activity?.SetTag("kurobe.data_source", source.Name.Value);
        _activity?.SetTag("kurobe.query.id", running.Id.ToString("D"));
        _activity?.SetTag("kurobe.query.mode", running.Mode.ToString().ToLowerInvariant());
    }

    private string EngineName => Source.Kind.ToString().ToLowerInvariant();

    public DataSource Source { get; }

    public Guid QueryId => _running.Id;

    public IReadOnlyList<ResultColumn> Columns =>
        _cursor?.Columns ?? throw new InvalidOperationException("The query has not been opened.");

    internal async Task OpenAsync(IDataSourceConnector runner, string sql) =>
        _cursor = await WithinTimeLimitAsync(token => new ValueTask<IQueryCursor>(runner.OpenAsync(Source, sql, new EngineLimits(_timeLimit), token)));

    public async ValueTask<RowBatch> ReadAsync(int maxRows)
    {
        var cursor = _cursor ?? throw new InvalidOperationException("The query has not been opened.");
        var batch = await WithinTimeLimitAsync(token => cursor.ReadAsync(maxRows, token));
        _running.AddRows(batch.RowCount);
        if (batch.IsLast)
        {
            _outcome = "completed";
        }

        return batch;
    }

    private async ValueTask<T> WithinTimeLimitAsync<T>(Func<CancellationToken, ValueTask<T>> step)
    {
        if (_timeLeft <= TimeSpan.Zero)
        {
            throw new QueryTimeoutException(_timeLimit);
        }

        var started = _timeProvider.GetTimestamp();
        _stop.CancelAfter(_timeLeft);
        try
        {
            return await step(_stop.Token);
        }
        catch (OperationCanceledException) when (!_callerToken.IsCancellationRequested)
        {
            if (_running.WasCancelledByRequest)
            {
                _outcome = "cancelled";
                throw new QueryCancelledException("The query was cancelled.");
            }

            _outcome = "timeout";
            throw new QueryTimeoutException(_timeLimit);
        }
        catch (QueryFailedException)
        {
            _outcome = "failed";
            throw;
        }
        catch (DataSourceUnavailableException)
        {
            _outcome = "unavailable";
            throw;
        }
        finally
        {
            if (!_stop.IsCancellationRequested)
            {
                _stop.CancelAfter(Timeout.InfiniteTimeSpan);
            }

            _timeLeft -= _timeProvider.GetElapsedTime(started);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cursor is not null)
        {
            await _cursor.DisposeAsync();
        }

        await _callerRegistration.DisposeAsync();
        await _cancelRequestRegistration.DisposeAsync();
        _stop.Dispose();
        _running.Dispose();
        RecordOutcome();
    }

    private void RecordOutcome()
    {
        var tags = new TagList
        {
            { "db.system.name", EngineName },
            { "kurobe.query.mode", _running.Mode.ToString().ToLowerInvariant() },
            { "kurobe.query.outcome", _outcome },
        };
        KurobeDiagnostics.Queries.Add(1, tags);
        KurobeDiagnostics.QueryDuration.Record(_timeProvider.GetElapsedTime(_startedAt).TotalSeconds, tags);
        KurobeDiagnostics.RowsRead.Add(_running.RowsRead, tags);
        if (_activity is not null)
        {
            _activity.SetTag("kurobe.query.outcome", _outcome);
            _activity.SetTag("kurobe.query.rows", _running.RowsRead);
            if (_outcome is not ("completed" or "stopped"))
            {
                _activity.SetStatus(ActivityStatusCode.Error, _outcome);
            }

            _activity.Dispose();
        }
    }
}
