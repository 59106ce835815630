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
            migrationBuilder.RemoveTenantIsolation("ask_history");
            migrationBuilder.RemoveTenantIsolation("verified_examples");
        }
    }
}
