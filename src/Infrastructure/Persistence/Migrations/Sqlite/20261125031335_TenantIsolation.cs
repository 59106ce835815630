using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kurobe.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("0193a1f0-0000-7000-8000-000000000001")); // Sources stored before tenancy belong to the default tenant.

            migrationBuilder.CreateIndex(
                name: "ix_data_sources_tenant_id_name",
                table: "data_sources",
                columns: new[] { "tenant_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
