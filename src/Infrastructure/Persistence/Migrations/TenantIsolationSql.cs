using Microsoft.EntityFrameworkCore.Migrations;

namespace Kurobe.Infrastructure.Persistence.Migrations;

/// <summary>
/// PostgreSQL row-level security for the metadata store, written into the Postgres migrations. Runtime connections
/// act as <see cref="AppRole"/> (a role that owns nothing and cannot bypass row-level security); migrations run as
/// the login role, which owns the tables. Every tenant table gets <c>ENABLE</c> and <c>FORCE ROW LEVEL SECURITY</c>,
/// a policy for the app role on <c>current_setting('app.tenant_id')</c> (an unset or empty setting matches no row),
/// and a policy that lets the owner (and so its security-definer functions) see every row.
/// </summary>
internal static class TenantIsolationSql
{
    public const string AppRole = MetadataStoreOptions.DefaultAppRole;

    /// <summary>The tenant of the current transaction, or NULL (no row matches) when unset or empty.</summary>
    public const string CurrentTenant = "NULLIF(current_setting('" + TenantSessionInterceptor.SettingName + "', true), '')::uuid";

    /// <summary>Creates the app role if the cluster lacks it and lets the migrating (login) role act as it.</summary>
    public static void CreateAppRole(this MigrationBuilder migration)
    {
        migration.Sql($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
                END IF;
            END
            $$;
            GRANT {AppRole} TO CURRENT_USER;
            GRANT USAGE ON SCHEMA public TO {AppRole};
            GRANT SELECT ON "__EFMigrationsHistory" TO {AppRole};
            """);
    }

    /// <summary>Isolates a table with a <c>tenant_id</c> column. Append-only tables may be inserted into and read, never changed.</summary>
    public static void IsolateTenantTable(this MigrationBuilder migration, string table, bool appendOnly = false)
    {
        var privileges = appendOnly ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        migration.Sql($"""
            GRANT {privileges} ON {table} TO {AppRole};
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table} TO {AppRole}
                USING (tenant_id = {CurrentTenant})
                WITH CHECK (tenant_id = {CurrentTenant});
            CREATE POLICY schema_owner ON {table} TO CURRENT_USER USING (true) WITH CHECK (true);
            """);
    }

    /// <summary>
    /// A function the app role may call that returns every row of <paramref name="table"/> across tenants, for the
    /// server's own background work (never for a request).
    /// </summary>
    public static void CreateAllTenantsFunction(this MigrationBuilder migration, string function, string table) =>
        migration.CreateDefinerFunction(function, [], $"SETOF {table}", $"SELECT * FROM {table}");

    /// <summary>
    /// A SQL function that runs as the schema owner (so it sees past row-level security) and that only the app role
    /// may call: the narrow way for what must be read before a tenant is known.
    /// </summary>
    /// <param name="parameters">Name and type of each parameter, e.g. <c>("p_id", "uuid")</c>.</param>
    public static void CreateDefinerFunction(
        this MigrationBuilder migration,
        string name,
        IReadOnlyList<(string Name, string Type)> parameters,
        string returns,
        string body,
        bool readOnly = true)
    {
        var declaration = string.Join(", ", parameters.Select(p => $"{p.Name} {p.Type}"));
        var signature = $"{name}({string.Join(", ", parameters.Select(p => p.Type))})";
        migration.Sql($"""
            CREATE FUNCTION {name}({declaration}) RETURNS {returns}
                LANGUAGE sql {(readOnly ? "STABLE" : "VOLATILE")} SECURITY DEFINER SET search_path = public, pg_temp
                AS '{body.Replace("'", "''", StringComparison.Ordinal)}';
            REVOKE ALL ON FUNCTION {signature} FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION {signature} TO {AppRole};
            """);
    }

    /// <summary>Undoes <see cref="IsolateTenantTable"/> (or a table isolated by hand with the same policy names).</summary>
    public static void RemoveTenantIsolation(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            DROP POLICY tenant_isolation ON {table};
            DROP POLICY schema_owner ON {table};
            ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
            REVOKE ALL ON {table} FROM {AppRole};
            """);
}
