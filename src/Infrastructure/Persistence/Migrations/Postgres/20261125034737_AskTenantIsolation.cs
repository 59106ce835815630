using Kurobe.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kurobe.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AskTenantIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.IsolateTenantTable("ask_history");
            migrationBuilder.IsolateTenantTable("verified_examples");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "ask_history", "verified_examples" })
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
