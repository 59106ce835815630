using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Kurobe.Infrastructure.Persistence.Migrations;

#nullable disable

namespace Kurobe.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TenantIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_sources_name",
                table: "data_sources");

            migrationBuilder.AddColumn<Guid>(
                name: "tenant_id",
                table: "data_sources",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("0193a1f0-0000-7000-8000-000000000001")); // Sources stored before tenancy belong to the default tenant.

            migrationBuilder.CreateIndex(
                name: "ix_data_sources_tenant_id_name",
                table: "data_sources",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateAppRole();
            migrationBuilder.IsolateTenantTable("data_sources");
            migrationBuilder.CreateAllTenantsFunction("kurobe_all_data_sources", "data_sources");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION kurobe_all_data_sources();");
            migrationBuilder.RemoveTenantIsolation("data_sources");

            migrationBuilder.DropIndex(
                name: "ix_data_sources_tenant_id_name",
                table: "data_sources");

            migrationBuilder.DropColumn(
                name: "tenant_id",
                table: "data_sources");

            migrationBuilder.CreateIndex(
                name: "ix_data_sources_name",
                table: "data_sources",
                column: "name",
                unique: true);
        }
    }
}
