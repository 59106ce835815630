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
            migrationBuilder.CreateDefinerFunction("kurobe_find_api_key", [("p_lookup_id", "text")], "SETOF api_keys", "SELECT * FROM api_keys WHERE lookup_id = p_lookup_id");
            migrationBuilder.CreateDefinerFunction("kurobe_find_user_by_email", [("p_email", "text")], "SETOF users", "SELECT * FROM users WHERE email = p_email");
            migrationBuilder.CreateDefinerFunction("kurobe_find_tenant", [("p_id", "uuid")], "SETOF tenants", "SELECT * FROM tenants WHERE id = p_id");
            migrationBuilder.CreateDefinerFunction("kurobe_find_tenant_by_slug", [("p_slug", "text")], "SETOF tenants", "SELECT * FROM tenants WHERE slug = p_slug");
            migrationBuilder.CreateDefinerFunction("kurobe_any_tenant", [], "boolean", "SELECT EXISTS (SELECT 1 FROM tenants)");
            migrationBuilder.CreateDefinerFunction(
                "kurobe_touch_api_key", [("p_id", "uuid"), ("p_at", "timestamptz")], "void", "UPDATE api_keys SET last_used_at = p_at WHERE id = p_id", readOnly: false);
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
                migrationBuilder.RemoveTenantIsolation(table);
            }
        }
    }
}
