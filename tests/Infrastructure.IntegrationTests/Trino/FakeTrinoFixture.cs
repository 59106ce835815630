using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.Trino;
using Kurobe.TrinoFake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.IntegrationTests.Trino;

/// <summary>A fake Trino coordinator shared by a test class, and connectors and sources that point at it.</summary>
public sealed class FakeTrinoFixture : IAsyncLifetime
{
    public FakeTrinoServer Server { get; } = new();

    internal ReversingSecretProtector Secrets { get; } = new();

    internal TrinoConnector Connector { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Server.StartAsync(TestContext.Current.CancellationToken);
        Connector = CreateConnector();
    }

    internal TrinoConnector CreateConnector(int maxRetries = 10, TimeSpan? requestTimeout = null) =>
        CreateConnector(Secrets, maxRetries, requestTimeout);

    internal static TrinoConnector CreateConnector(ReversingSecretProtector secrets, int maxRetries = 10, TimeSpan? requestTimeout = null) =>
        new(
            secrets,
            Options.Create(new TrinoOptions { MaxRetries = maxRetries, RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30) }),
            TimeProvider.System,
            NullLogger<TrinoConnector>.Instance);

    public DataSource Source(
        string? catalog = "tpch",
        string? schema = "tiny",
        TrinoAuthentication authentication = TrinoAuthentication.None,
        string? secret = null,
        Uri? endpoint = null,
        string name = "warehouse")
    {
        var sourceName = DataSourceName.Create(name);
        var connection = new TrinoConnection(endpoint ?? Server.BaseUri, "alice", catalog, schema, authentication);
        var now = DateTimeOffset.UtcNow;
        return DataSource.Restore(TenantId.Default,
            new DataSourceId(Guid.NewGuid()),
            sourceName,
            connection,
            secret is null ? null : Secrets.Protect(secret),
            DataSourceLimits.ServerDefaults,
            now,
            now,
            revision: 1);
    }

    public async ValueTask DisposeAsync()
    {
        Connector.Dispose();
        await Server.DisposeAsync();
    }
}
