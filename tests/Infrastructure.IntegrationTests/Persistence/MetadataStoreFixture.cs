using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A fresh, empty metadata store for one test class, composed as the server composes it
/// (<see cref="PersistenceServiceCollectionExtensions.AddKurobeMetadataStore"/>) and migrated once by the migrate command.
/// </summary>
public abstract class MetadataStoreFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The store's clock; starts with sub-microsecond ticks so that precision is tested, not assumed.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero).AddTicks(5_358_979));

    internal abstract MetadataStoreProvider Provider { get; }

    public IServiceProvider Services => _services ?? throw Unavailable();

    /// <summary>What the empty store lacked before the first migration.</summary>
    public IReadOnlyList<string> PendingBeforeFirstMigration { get; private set; } = [];

    public int FirstMigrationExitCode { get; private set; } = -1;

    public async ValueTask InitializeAsync()
    {
        var settings = await CreateStoreAsync();
        if (settings is null)
        {
            return;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddKurobeMetadataStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        // As the owner: the app role that runtime connections act as exists only once the migrations created it.
        await using (var context = _services.GetRequiredService<MetadataStoreMigrator>().CreateOwnerContext())
        {
            PendingBeforeFirstMigration = [.. await context.Database.GetPendingMigrationsAsync()];
        }

        FirstMigrationExitCode = await MetadataStoreCommands.MigrateAsync(_services, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A store in a scope of its own, as one request of <paramref name="tenant"/> (the default tenant when null) would have it.</summary>
    internal ScopedStore OpenStore(TenantId? tenant = null) => new(Services.CreateAsyncScope(), tenant ?? TenantId.Default);

    /// <summary>Creates the empty store; returns the configuration that selects it, or null when it is unavailable.</summary>
    protected abstract Task<Dictionary<string, string?>?> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    /// <summary>Skips (or, with services required, fails) the test when the store could not be created.</summary>
    protected abstract Exception Unavailable();
}

/// <summary>A scope acting as an admin of one tenant until disposed. Open and dispose it on the test's own flow.</summary>
internal sealed class ScopedStore(AsyncServiceScope scope, TenantId tenant) : IAsyncDisposable
{
    private readonly IDisposable _principal = AmbientPrincipal.Use(new Principal(tenant, PrincipalKind.ApiKey, "test", "test", Role.Admin));

    public IDataSourceStore Store { get; } = scope.ServiceProvider.GetRequiredService<IDataSourceStore>();

    public KurobeDbContext Context { get; } = scope.ServiceProvider.GetRequiredService<KurobeDbContext>();

    public ValueTask DisposeAsync()
    {
        _principal.Dispose();
        return scope.DisposeAsync();
    }
}
