using System.Collections.Concurrent;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Application.Engines.Ports;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kurobe.Api.FunctionalTests.Asking;

/// <summary>
/// The API for ask tests: the fixed reference date 2025-12-15, and a registry that records what text-to-SQL engines
/// are asked.
/// </summary>
public class AskApiFactory : KurobeApiFactory
{
    public AskApiFactory()
    {
        WithSetting("Kurobe:Ask:ReferenceDate", "2025-12-15");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // Records what text-to-SQL engines are asked, so tests can see verified examples reach them.
            var original = services.Last(d => d.ServiceType == typeof(IEngineRegistry));
            services.AddSingleton<IEngineRegistry>(sp => new RecordingRegistry((IEngineRegistry)original.ImplementationFactory!(sp), TextToSqlRequests));
        });
    }

    /// <summary>Every request a text-to-SQL engine got through the API, newest last.</summary>
    public ConcurrentQueue<TextToSqlRequest> TextToSqlRequests { get; } = new();

    private sealed class RecordingRegistry(IEngineRegistry inner, ConcurrentQueue<TextToSqlRequest> requests) : IEngineRegistry
    {
        public IReadOnlyList<EngineStatus> Statuses => inner.Statuses;

        public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
            where TEngine : class, IEngine
        {
            var lease = inner.Lease<TEngine>(kind, profile);
            return lease.Engine is ITextToSqlEngine textToSql
                ? new EngineLease<TEngine>((TEngine)(object)new RecordingTextToSql(textToSql, requests), lease.Status, lease.Dispose)
                : lease;
        }

        public void ReportCallFailure(EngineKind kind, string profile, string error) => inner.ReportCallFailure(kind, profile, error);
    }

    private sealed class RecordingTextToSql(ITextToSqlEngine inner, ConcurrentQueue<TextToSqlRequest> requests) : ITextToSqlEngine
    {
        public EngineKind Kind => inner.Kind;

        public Task<TextToSqlResult> GenerateSqlAsync(TextToSqlRequest request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request);
            return inner.GenerateSqlAsync(request, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
