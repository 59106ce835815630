using Kurobe.Application.Identity;
using Kurobe.Application.Identity.Ports;
using Kurobe.Domain.Identity;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kurobe.Infrastructure.Identity;

/// <summary>
/// On the first start (no tenant yet) creates the <c>default</c> tenant and an owner API key named <c>bootstrap</c>:
/// <c>KUROBE_BOOTSTRAP_API_KEY</c> when set, otherwise a random key that is logged once and written to
/// <c>bootstrap-api-key</c> in the data directory (owner-only). Runs after the migrations. Nodes starting together
/// race on the tenant's unique slug: one wins, the others find the tenant and do nothing.
/// </summary>
internal sealed partial class IdentityBootstrapper(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider timeProvider,
    ILogger<IdentityBootstrapper> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
        if (await store.AnyTenantAsync(cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var configured = options.Value.ApiKey?.Trim();
        string text, lookupId;
        byte[] hash;
        if (!string.IsNullOrEmpty(configured) && ApiKeySecret.TryParse(configured, out var id, out var secret))
        {
            (text, lookupId, hash) = (configured, id, ApiKeySecret.Hash(secret));
        }
        else
        {
            (text, lookupId, hash) = ApiKeySecret.Generate();
        }

        // The default tenant has a well-known id: sources declared in configuration (the demo) belong to it.
        var tenant = new Tenant(TenantId.Default, Tenant.DefaultSlug, "Default", now);
        var key = new ApiKey(new ApiKeyId(Guid.CreateVersion7(now)), tenant.Id, BootstrapOptions.KeyName, Role.Owner, lookupId, hash,
            BootstrapOptions.KeyName, now, expiresAt: null);
        if (!await store.TryCreateTenantAsync(tenant, key, cancellationToken))
        {
            LogCreatedElsewhere(logger);
            return;
        }

        if (!string.IsNullOrEmpty(configured))
        {
            LogCreatedFromVariable(logger, BootstrapOptions.ApiKeyVariable);
            return;
        }

        var path = Path.Combine(storage.Value.ResolveDataDirectory(), BootstrapOptions.KeyFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            // Left over from an older store that was deleted: the key in it no longer works.
            File.Delete(path);
        }

        OwnerOnlyFile.Write(path, text + Environment.NewLine);
        LogGenerated(logger, text, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4420, Level = LogLevel.Warning,
        Message = "First start: created the 'default' tenant and its owner API key. The key is shown this once: {ApiKey} (also written to {Path}, readable by the owner only). Send it as 'Authorization: Bearer <key>'; create your own keys with createApiKey and revoke this one.")]
    private static partial void LogGenerated(ILogger logger, string apiKey, string path);

    [LoggerMessage(EventId = 4421, Level = LogLevel.Information,
        Message = "First start: created the 'default' tenant and its owner API key from {Variable}")]
    private static partial void LogCreatedFromVariable(ILogger logger, string variable);

    [LoggerMessage(EventId = 4422, Level = LogLevel.Information, Message = "Another node created the default tenant first; nothing to bootstrap")]
    private static partial void LogCreatedElsewhere(ILogger logger);
}
