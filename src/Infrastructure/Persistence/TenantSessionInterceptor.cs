using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kurobe.Infrastructure.Persistence;

/// <summary>
/// On PostgreSQL, hands the context's tenant to row-level security at the start of every transaction:
/// <c>set_config('app.tenant_id', ..., true)</c> is local to the transaction, so a pooled connection never carries a
/// tenant into the next use, whether the transaction committed or failed.
/// </summary>
internal sealed class TenantSessionInterceptor : DbTransactionInterceptor
{
    public const string SettingName = "app.tenant_id";

    private const string SetTenant = $"SELECT set_config('{SettingName}', @tenant, true)";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = SetTenantCommand(connection, eventData, result);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection,
        TransactionEndEventData eventData,
        DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        await using var command = SetTenantCommand(connection, eventData, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private static DbCommand SetTenantCommand(DbConnection connection, TransactionEndEventData eventData, DbTransaction transaction)
    {
        var tenant = eventData.Context is KurobeDbContext context ? context.CurrentTenantId : Guid.Empty;
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SetTenant;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant == Guid.Empty ? string.Empty : tenant.ToString("D");
        command.Parameters.Add(parameter);
        return command;
    }
}
