using Kurobe.Domain.Tenancy;
using FluentValidation;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Health;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Caching;
using Kurobe.Domain.DataSources;
using Mediator;
using Microsoft.Extensions.Options;

namespace Kurobe.Application.DataSources.CreateDataSource;

/// <summary>Adds a source. The secret (a password or token) is encrypted before it is stored and never returned.</summary>
[RequiresRole(Role.Admin)]
public sealed record CreateDataSourceCommand(
    DataSourceName Name,
    DataSourceConnection Connection,
    string? Secret,
    int? QueryTimeoutSeconds,
    int? CacheTtlSeconds) : ICommand<DataSourceView>
{
    public override string ToString() => $"{nameof(CreateDataSourceCommand)} {{ Name = {Name}, Kind = {Connection.Kind} }}";
}

public sealed class CreateDataSourceCommandValidator : AbstractValidator<CreateDataSourceCommand>
{
    public CreateDataSourceCommandValidator(IOptions<DataSourceOptions> sources, IOptions<QueryOptions> queries, IOptions<ResultCacheOptions> cache, IConnectionPolicy policy)
    {
        RuleFor(c => c.Secret).ValidSecret(sources.Value);
        RuleFor(c => c.Secret).NotNull()
            .When(c => DataSourceRules.NeedsSecret(c.Connection))
            .WithMessage("This authentication method needs a secret (the password or token).");
        RuleFor(c => c.Secret).Null()
            .When(c => c.Connection.Kind == DataSourceKind.DuckDb)
            .WithMessage("A DuckDB data source has no secret.");
        RuleFor(c => c.QueryTimeoutSeconds).ValidQueryTimeout(queries.Value);
        RuleFor(c => c.CacheTtlSeconds).ValidCacheTtl(cache.Value);
        RuleFor(c => (DataSourceConnection?)c.Connection).AllowedBy(policy).OverridePropertyName("connection");
    }
}

public sealed class CreateDataSourceCommandHandler(
    IDataSourceCatalog catalog,
    IDataSourceStore store,
    ISecretProtector secrets,
    DataSourceStatusBoard statuses,
    ICurrentPrincipal principal,
    TimeProvider timeProvider)
    : ICommandHandler<CreateDataSourceCommand, DataSourceView>
{
    public async ValueTask<DataSourceView> Handle(CreateDataSourceCommand command, CancellationToken cancellationToken)
    {
        if (await catalog.FindByNameAsync(command.Name, cancellationToken) is not null)
        {
            throw new ConflictException($"A data source named '{command.Name}' already exists.");
        }

        var now = timeProvider.GetUtcNow();
        var source = new DataSource(
            principal.Required().TenantId,
            new DataSourceId(Guid.CreateVersion7(now)),
            command.Name,
            command.Connection,
            DataSourceOrigin.Api,
            now,
            secret: command.Secret is { } secret ? secrets.Protect(secret) : null,
            limits: new DataSourceLimits(command.QueryTimeoutSeconds, command.CacheTtlSeconds));
        await store.AddAsync(source, cancellationToken);
        return DataSourceView.From(source, statuses.StatusOf(source.Id));
    }
}
