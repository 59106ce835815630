using Kurobe.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kurobe.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentityTenantIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.IsolateTenantTable("memberships");
            migrationBuilder.IsolateTenantTable("api_keys");
            migrationBuilder.Sql($"""
                GRANT SELECT, INSERT, UPDATE ON tenants TO {TenantIsolationSql.AppRole};
                ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
                ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON tenants TO {TenantIsolationSql.AppRole}
                    USING (id = {TenantIsolationSql.CurrentTenant})
                    WITH CHECK (id = {TenantIsolationSql.CurrentTenant});
                CREATE POLICY schema_owner ON tenants TO CURRENT_USER USING (true) WITH CHECK (true);

                -- Users belong to no tenant: a tenant sees its members; a new user is visible once a membership exists.
                GRANT SELECT, INSERT, UPDATE, DELETE ON users TO {TenantIsolationSql.AppRole};
                ALTER TABLE users ENABLE ROW LEVEL SECURITY;
                ALTER TABLE users FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON users TO {TenantIsolationSql.AppRole}
                    USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = {TenantIsolationSql.CurrentTenant}))
                    WITH CHECK (true);
                CREATE POLICY schema_owner ON users TO CURRENT_USER USING (true) WITH CHECK (true);
                """);

            // What authentication needs before it knows the tenant, and nothing more.
            Definer(migrationBuilder, "kurobe_find_api_key(p_lookup_id text) RETURNS SETOF api_keys", "SELECT * FROM api_keys WHERE lookup_id = p_lookup_id");
            Definer(migrationBuilder, "kurobe_find_user_by_email(p_email text) RETURNS SETOF users", "SELECT * FROM users WHERE email = p_email");
            Definer(migrationBuilder, "kurobe_find_tenant(p_id uuid) RETURNS SETOF tenants", "SELECT * FROM tenants WHERE id = p_id");
            Definer(migrationBuilder, "kurobe_find_tenant_by_slug(p_slug text) RETURNS SETOF tenants", "SELECT * FROM tenants WHERE slug = p_slug");
            Definer(migrationBuilder, "kurobe_any_tenant() RETURNS boolean", "SELECT EXISTS (SELECT 1 FROM tenants)");
            Definer(migrationBuilder, "kurobe_touch_api_key(p_id uuid, p_at timestamptz) RETURNS void", "UPDATE api_keys SET last_used_at = p_at WHERE id = p_id", stable: false);
        }

        private static void Definer(MigrationBuilder migrationBuilder, string signature, string body, bool stable = true)
        {
            var name = signature[..signature.IndexOf(')', StringComparison.Ordinal)] + ")";
            var argumentTypes = string.Join(", ", name[(name.IndexOf('(') + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Trim().Split(' ')[1]));
            var function = $"{name[..name.IndexOf('(')]}({argumentTypes})";
            migrationBuilder.Sql($"""
                CREATE FUNCTION {signature}
                    LANGUAGE sql {(stable ? "STABLE" : "VOLATILE")} SECURITY DEFINER SET search_path = public, pg_temp
                    AS '{body.Replace("'", "''", StringComparison.Ordinal)}';
                REVOKE ALL ON FUNCTION {function} FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION {function} TO {TenantIsolationSql.AppRole};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION kurobe_find_api_key(text);
                DROP FUNCTION kurobe_find_user_by_email(text);
                DROP FUNCTION kurobe_find_tenant(uuid);
                DROP FUNCTION kurobe_find_tenant_by_slug(text);
                DROP FUNCTION kurobe_any_tenant();
                DROP FUNCTION kurobe_touch_api_key(uuid, timestamptz);
                """);
            foreach (var table in new[] { "memberships", "api_keys", "tenants", "users" })
            {
                migrationBuilder.Sql($"""
                    DROP POLICY tenant_isolation ON {table};
                    DROP POLICY schema_owner ON {table};
                    ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                    ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                    REVOKE ALL ON {table} FROM kurobe_app;
                    """);
            }
        }
    }
}
