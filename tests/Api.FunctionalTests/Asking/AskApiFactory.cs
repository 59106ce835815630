using System.Collections.Concurrent;
using System.Text.Json;
using Kurobe.Api.FunctionalTests.Infrastructure;
using Kurobe.Application.Common.Security;
using Kurobe.Application.Engines.Ports;
using Kurobe.Domain.Tenancy;
using Kurobe.Plugins.Abstractions.Hosting;
using Kurobe.Plugins.Abstractions.TextToSql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kurobe.Api.FunctionalTests.Asking;

/// <summary>
/// The API for ask tests: the fixed reference date 2025-12-15, a fixed caller, and built-in engine providers served
/// by the registry. The last two are TEMPORARY test-only overrides, marked below, to remove at merge.
/// </summary>
public class AskApiFactory : KurobeApiFactory
{
    public static readonly Principal TestAnalyst =
        new(new TenantId(Guid.Parse("7d4c9a1e-3b6f-4f0e-9c2a-5e8b1d7f3a60")), PrincipalKind.User, "test-analyst", "Test Analyst", Role.Analyst);

    public AskApiFactory()
    {
        WithSetting("Kurobe:Ask:ReferenceDate", "2025-12-15");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // TEMPORARY (remove when authentication is merged): requests carry no principal yet, so every request
            // acts as one fixed analyst of one tenant.
            services.AddSingleton<ICurrentPrincipal>(new FixedPrincipal(TestAnalyst));

            // TEMPORARY (remove when the engine registry serves IBuiltInEngineProvider itself): profiles whose provider
            // is built in (semantic_compiler) are served from the provider instead of reporting NOT_CONFIGURED.
            var original = services.Last(d => d.ServiceType == typeof(IEngineRegistry));
            services.AddSingleton<IEngineRegistry>(sp => new BuiltInEnginesRegistry(
                (IEngineRegistry)original.ImplementationFactory!(sp),
                sp.GetServices<IBuiltInEngineProvider>(),
                sp.GetRequiredService<ILoggerFactory>(),
                TextToSqlRequests));
        });
    }

    /// <summary>Every request a text-to-SQL engine got through the API, newest last.</summary>
    public ConcurrentQueue<TextToSqlRequest> TextToSqlRequests { get; } = new();

    private sealed class FixedPrincipal(Principal principal) : ICurrentPrincipal
    {
        public Principal? Current => principal;
    }

    private sealed class BuiltInEnginesRegistry(
        IEngineRegistry inner,
        IEnumerable<IBuiltInEngineProvider> providers,
        ILoggerFactory loggerFactory,
        ConcurrentQueue<TextToSqlRequest> requests)
        : IEngineRegistry
    {
        private readonly ConcurrentDictionary<(EngineKind, string), IEngine> _engines = new();

        public IReadOnlyList<EngineStatus> Statuses => inner.Statuses;

        public EngineLease<TEngine> Lease<TEngine>(EngineKind kind, string? profile = null)
            where TEngine : class, IEngine
        {
            var name = profile ?? "default";
            var status = inner.Statuses.FirstOrDefault(s => s.Kind == kind && s.Profile == name);
            var provider = providers.FirstOrDefault(p => p.Provider.Kind == kind && p.Provider.Name == status?.Provider);
            if (status is null || provider is null || status.State == EngineState.Ready)
            {
                return inner.Lease<TEngine>(kind, profile);
            }

            var engine = _engines.GetOrAdd((kind, name), _ =>
            {
                var created = provider.Create(new EngineContext(name, default(JsonElement), loggerFactory, TimeProvider.System));
                return created is ITextToSqlEngine textToSql ? new RecordingTextToSql(textToSql, requests) : created;
            });
            return new EngineLease<TEngine>((TEngine)engine, status with { State = EngineState.Ready }, () => { });
        }
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
