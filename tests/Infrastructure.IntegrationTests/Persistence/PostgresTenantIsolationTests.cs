using Kurobe.Application.Common.Security;
using Kurobe.Application.DataSources.Ports;
using Kurobe.Domain.DataSources;
using Kurobe.Domain.Tenancy;
using Kurobe.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kurobe.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Tenant isolation on PostgreSQL, below EF as well as through it: row-level security on every table, a runtime role
/// that cannot bypass it, and a tenant setting that never outlives its transaction on a pooled connection.
/// </summary>
public sealed class PostgresTenantIsolationTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>
{
    /// <summary>Tables that hold no tenant's rows, and why. A new table belongs here only with a reason.</summary>
    private static readonly Dictionary<string, string> SharedTables = new(StringComparer.Ordinal)
    {
        ["__EFMigrationsHistory"] = "the schema's migration history",
        ["__EFMigrationsLock"] = "EF Core's migration lock",
    };

    /// <summary>Tenant tables without a tenant_id column, and how their policy finds the tenant instead.</summary>
    private static readonly Dictionary<string, string> TenantTablesWithoutTenantColumn = new(StringComparer.Ordinal)
    {
        ["tenants"] = "a row is the tenant itself: id = app.tenant_id",
        ["users"] = "users are shared; a tenant sees those with a membership in it (inserts are checked by the membership that follows)",
    };

    private static readonly TenantId TenantA = new(Guid.Parse("0193a1f0-0000-7000-8000-00000000000a"));
    private static readonly TenantId TenantB = new(Guid.Parse("0193a1f0-0000-7000-8000-00000000000b"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_forces_row_level_security_with_a_tenant_policy_for_the_app_role()
    {
        _ = fixture.Services;
        await using var connection = await OpenAsOwnerAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM information_schema.columns col
                           WHERE col.table_schema = n.nspname AND col.table_name = c.relname AND col.column_name = 'tenant_id'),
                   EXISTS (SELECT 1 FROM pg_policies p
                           WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND p.policyname = 'tenant_isolation'
                             AND 'kurobe_app' = ANY (p.roles) AND p.qual LIKE '%app.tenant_id%'
                             AND (p.with_check LIKE '%app.tenant_id%' OR c.relname = ANY (@without_tenant_column)))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """, connection);
        command.Parameters.AddWithValue("without_tenant_column", TenantTablesWithoutTenantColumn.Keys.ToArray());
        var problems = new List<string>();
        var tables = 0;
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                var table = reader.GetString(0);
                if (SharedTables.ContainsKey(table))
                {
                    continue;
                }

                tables++;
                if (!reader.GetBoolean(1) || !reader.GetBoolean(2))
                {
                    problems.Add($"{table}: row-level security is not enabled and forced");
                }

                if (!reader.GetBoolean(3) && !TenantTablesWithoutTenantColumn.ContainsKey(table))
                {
                    problems.Add($"{table}: has no tenant_id column (or list it as shared, with a reason)");
                }

                if (!reader.GetBoolean(4))
                {
                    problems.Add($"{table}: has no tenant_isolation policy for kurobe_app on app.tenant_id");
                }
            }
        }

        tables.ShouldBeGreaterThan(0);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Runtime_connections_act_as_a_role_that_owns_nothing_and_cannot_bypass_row_level_security()
    {
        await using var scope = fixture.OpenStore(TenantA);
        var connection = scope.Context.Database.GetDbConnection();
        await scope.Context.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT current_user, r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner WHERE o.rolname = current_user)
            FROM pg_roles r WHERE r.rolname = current_user
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        reader.GetString(0).ShouldBe("kurobe_app");
        reader.GetBoolean(1).ShouldBeFalse();
        reader.GetBoolean(2).ShouldBeFalse();
        reader.GetInt64(3).ShouldBe(0);
    }

    [Fact]
    public async Task Another_tenant_cannot_read_change_or_delete_a_source_through_the_store()
    {
        var source = NewSource(TenantA, "a-private");
        await using (var a = fixture.OpenStore(TenantA))
        {
            await a.Store.AddAsync(source, Ct);
        }

        await using (var b = fixture.OpenStore(TenantB))
        {
            (await b.Store.FindAsync(source.Id, Ct)).ShouldBeNull();
            (await b.Store.FindByNameAsync(source.Name, Ct)).ShouldBeNull();
            (await b.Store.ListAsync(Ct)).ShouldNotContain(s => s.Id == source.Id);
            (await b.Store.RemoveAsync(source.Id, Ct)).ShouldBeFalse();
        }

        await using (var a = fixture.OpenStore(TenantA))
        {
            (await a.Store.FindAsync(source.Id, Ct)).ShouldNotBeNull().Name.ShouldBe(source.Name);
        }
    }

    [Fact]
    public async Task Below_ef_row_level_security_hides_changes_and_refuses_another_tenants_rows()
    {
        var source = NewSource(TenantA, "a-raw");
        await using (var a = fixture.OpenStore(TenantA))
        {
            await a.Store.AddAsync(source, Ct);
        }

        await using var b = fixture.OpenStore(TenantB);
        await b.Context.InTenantTransactionAsync(async token =>
        {
            // No EF filter here: only the database stands between tenant B and tenant A's row.
            (await b.Context.DataSources.IgnoreQueryFilters().CountAsync(r => r.Id == source.Id.Value, token)).ShouldBe(0);
            (await b.Context.Database.ExecuteSqlAsync($"UPDATE data_sources SET name = 'stolen' WHERE id = {source.Id.Value}", token)).ShouldBe(0);
            (await b.Context.Database.ExecuteSqlAsync($"DELETE FROM data_sources WHERE id = {source.Id.Value}", token)).ShouldBe(0);
            return true;
        }, Ct);

        var insert = await Should.ThrowAsync<PostgresException>(() => b.Context.InTenantTransactionAsync(
            token => b.Context.Database.ExecuteSqlAsync(
                $"INSERT INTO data_sources (id, tenant_id, name, kind, connection, revision, version, created_at, updated_at) VALUES ({Guid.NewGuid()}, {TenantA.Value}, 'planted', 'duckdb', '{{}}', 1, 1, now(), now())",
                token),
            Ct));
        insert.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Without_a_tenant_nothing_is_visible()
    {
        await using (var a = fixture.OpenStore(TenantA))
        {
            await a.Store.AddAsync(NewSource(TenantA, "a-visible"), Ct);
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<KurobeDbContext>();
        (await context.InTenantTransactionAsync(token => context.DataSources.IgnoreQueryFilters().CountAsync(token), Ct)).ShouldBe(0);
        // Outside any transaction the setting was never made at all.
        (await context.DataSources.IgnoreQueryFilters().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_single_pooled_connection_alternating_tenants_thousands_of_times_never_leaks_one_into_another()
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MetadataStoreOptions.ConnectionStringName}"] =
                new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { MaxPoolSize = 1, Pooling = true }.ConnectionString,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKurobeMetadataStore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        var sources = new Dictionary<TenantId, DataSource> { [TenantA] = NewSource(TenantA, "pool-a"), [TenantB] = NewSource(TenantB, "pool-b") };
        foreach (var (tenant, source) in sources)
        {
            using (AmbientPrincipal.Use(Admin(tenant)))
            {
                await using var scope = provider.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IDataSourceStore>().AddAsync(source, Ct);
            }
        }

        for (var i = 0; i < 2_000; i++)
        {
            var tenant = i % 2 == 0 ? TenantA : TenantB;
            using (AmbientPrincipal.Use(Admin(tenant)))
            {
                await using var scope = provider.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<KurobeDbContext>();
                if (i % 3 == 0)
                {
                    // A transaction that fails after the tenant was set: the rollback must take the setting with it.
                    await Should.ThrowAsync<PostgresException>(() => context.InTenantTransactionAsync<int>(
                        token => context.Database.ExecuteSqlRawAsync("SELECT 1/0", token), Ct));
                }

                var visible = await context.InTenantTransactionAsync(
                    token => context.DataSources.IgnoreQueryFilters().Where(r => r.Name.StartsWith("pool-")).Select(r => r.TenantId).ToListAsync(token), Ct);
                visible.ShouldBe([tenant.Value], $"iteration {i}");
            }

            await using (var anonymous = provider.CreateAsyncScope())
            {
                var context = anonymous.ServiceProvider.GetRequiredService<KurobeDbContext>();
                var leaked = await context.InTenantTransactionAsync(token => context.DataSources.IgnoreQueryFilters().CountAsync(token), Ct);
                leaked.ShouldBe(0, $"iteration {i}: a transaction without a tenant saw rows");
            }
        }
    }

    private static Principal Admin(TenantId tenant) => new(tenant, PrincipalKind.ApiKey, "test", "test", Role.Admin);

    private DataSource NewSource(TenantId tenant, string prefix) => new(
        tenant,
        new DataSourceId(Guid.NewGuid()),
        DataSourceName.Create($"{prefix}-{Guid.NewGuid():N}"),
        new DuckDbConnection("/srv/data/test.duckdb"),
        DataSourceOrigin.Api,
        fixture.Clock.GetUtcNow());

    private async Task<NpgsqlConnection> OpenAsOwnerAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }
}
