using Kurobe.Domain.Tenancy;
using FluentValidation;
using Kurobe.Application.Common;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Caching;
using Kurobe.Domain.DataSources;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.DataSources.UpdateDataSource;

/// <summary>
/// Changes a source created through the API. Only the parts given change; a null secret removes it, a null limit
/// returns to the server's default. A changed connection or secret closes the source's pooled connections and
/// drops its cached results.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record UpdateDataSourceCommand(
    DataSourceId Id,
    Change<DataSourceName> Name,
    Change<DataSourceConnection?> Connection,
    Change<string?> Secret,
    Change<int?> QueryTimeoutSeconds,
    Change<int?> CacheTtlSeconds) : ICommand<DataSourceView>
{
    public override string ToString() => $"{nameof(UpdateDataSourceCommand)} {{ Id = {Id} }}";
}

public sealed class UpdateDataSourceCommandValidator : AbstractValidator<UpdateDataSourceCommand>
{
    public UpdateDataSourceCommandValidator(IOptions<DataSourceOptions> sources, IOptions<QueryOptions> queries, IOptions<ResultCacheOptions> cache, IConnectionPolicy policy)
    {
        RuleFor(c => c.Secret.Value).ValidSecret(sources.Value).OverridePropertyName("secret");
        RuleFor(c => c.Connection.Value).NotNull().When(c => c.Connection.IsSet).OverridePropertyName("connection")
            .WithMessage("A connection cannot be removed; give the new one.");
        RuleFor(c => c.Connection.Value).AllowedBy(policy).OverridePropertyName("connection");
        RuleFor(c => c.QueryTimeoutSeconds.Value).ValidQueryTimeout(queries.Value).OverridePropertyName("queryTimeoutSeconds");
        RuleFor(c => c.CacheTtlSeconds.Value).ValidCacheTtl(cache.Value).OverridePropertyName("cacheTtlSeconds");
    }
}

public sealed class UpdateDataSourceCommandHandler(
    IDataSourceCatalog catalog,
    IDataSourceStore store,
    ISecretProtector secrets,
    DataSourceResources resources,
    DataSourceStatusBoard statuses,
    TimeProvider timeProvider)
    : ICommandHandler<UpdateDataSourceCommand, DataSourceView>
{
    public async ValueTask<DataSourceView> Handle(UpdateDataSourceCommand command, CancellationToken cancellationToken)
    {
        var source = await store.FindAsync(command.Id, cancellationToken)
            ?? throw await DataSourceRules.NotEditableAsync(catalog, command.Id, cancellationToken);

        var now = timeProvider.GetUtcNow();
        var revision = source.Revision;
        if (command.Name.IsSet && command.Name.Value != source.Name)
        {
            if (await catalog.FindByNameAsync(command.Name.Value, cancellationToken) is { } taken && taken.Id != source.Id)
            {
                throw new ConflictException($"A data source named '{command.Name.Value}' already exists.");
            }

            source.Rename(command.Name.Value, now);
        }

        if (command.Connection is { IsSet: true, Value: { } connection })
        {
            source.Reconnect(connection, now);
        }

        if (command.Secret.IsSet)
        {
            source.ReplaceSecret(command.Secret.Value is { } secret ? secrets.Protect(secret) : null, now);
        }

        if (DataSourceRules.NeedsSecret(source.Connection) && !source.HasSecret)
        {
            throw new RequestValidationException([new InputFailure("secret", "This authentication method needs a secret (the password or token).")]);
        }

        if (command.QueryTimeoutSeconds.IsSet || command.CacheTtlSeconds.IsSet)
        {
            source.ChangeLimits(
                new DataSourceLimits(command.QueryTimeoutSeconds.Or(source.Limits.QueryTimeoutSeconds), command.CacheTtlSeconds.Or(source.Limits.CacheTtlSeconds)),
                now);
        }

        await store.UpdateAsync(source, cancellationToken);
        if (source.Revision != revision)
        {
            await resources.ReleaseAsync(source.Id, cancellationToken);
        }

        return DataSourceView.From(source, statuses.StatusOf(source.Id));
    }
}
