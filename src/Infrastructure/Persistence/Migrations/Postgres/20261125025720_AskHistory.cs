using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kurobe.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AskHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ask_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data_source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    sql = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    problem_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    engine_provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    engine_profile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: false),
                    row_count = table.Column<long>(type: "bigint", nullable: false),
                    rating = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    corrected_sql = table.Column<string>(type: "text", nullable: true),
                    feedback_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ask_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "verified_examples",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data_source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    sql = table.Column<string>(type: "text", nullable: false),
                    ask_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verified_examples", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ask_history_tenant_created",
                table: "ask_history",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_verified_examples_tenant_source",
                table: "verified_examples",
                columns: new[] { "tenant_id", "data_source_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ask_history");

            migrationBuilder.DropTable(
                name: "verified_examples");
        }
    }
}
