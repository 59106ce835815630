using FluentValidation;
using Kurobe.Application.Common.Errors;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Application.Querying;
using Kurobe.Application.Querying.Caching;
using Kurobe.Domain.DataSources;

namespace Kurobe.Application.DataSources;

/// <summary>Input rules shared by creating and updating a source.</summary>
internal static class DataSourceRules
{
    public static IRuleBuilderOptions<T, string?> ValidSecret<T>(this IRuleBuilder<T, string?> rule, DataSourceOptions options) =>
        rule.Must(secret => secret is null || (secret.Length > 0 && secret.Length <= options.MaxSecretLength))
            .WithMessage($"A secret must be between 1 and {options.MaxSecretLength} characters.");

    public static IRuleBuilderOptions<T, int?> ValidQueryTimeout<T>(this IRuleBuilder<T, int?> rule, QueryOptions options) =>
        rule.InclusiveBetween(1, options.MaxTimeoutSeconds)
            .WithMessage($"queryTimeoutSeconds must be between 1 and {options.MaxTimeoutSeconds}.");

    public static IRuleBuilderOptions<T, int?> ValidCacheTtl<T>(this IRuleBuilder<T, int?> rule, ResultCacheOptions options) =>
        rule.InclusiveBetween(0, options.MaxTtlSeconds)
            .WithMessage($"cacheTtlSeconds must be between 0 (no caching) and {options.MaxTtlSeconds}.");

    public static IRuleBuilderOptions<T, DataSourceConnection?> AllowedBy<T>(this IRuleBuilder<T, DataSourceConnection?> rule, IConnectionPolicy policy) =>
        rule.Must((_, connection, context) =>
        {
            if (connection is null || policy.Refuse(connection) is not { } reason)
            {
                return true;
            }

            context.MessageFormatter.AppendArgument("Reason", reason);
            return false;
        }).WithMessage("{Reason}");

    /// <summary>Why a source that is not in the store cannot be changed: it is configured, or it does not exist.</summary>
    public static async Task<Exception> NotEditableAsync(IDataSourceCatalog catalog, DataSourceId id, CancellationToken cancellationToken) =>
        await catalog.FindAsync(id, cancellationToken) is { } configured
            ? new ConflictException($"The data source '{configured.Name}' is declared in the server's configuration; change it there.")
            : new NotFoundException($"There is no data source with id '{id}'.");

    /// <summary>Trino's basic and bearer authentication present the secret; without one there is nothing to send.</summary>
    public static bool NeedsSecret(DataSourceConnection connection) =>
        connection is TrinoConnection { Authentication: not TrinoAuthentication.None };
}
