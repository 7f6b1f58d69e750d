using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SalesSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sales_month_summaries",
                columns: table => new
                {
                    month_start = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dealer_key = table.Column<Guid>(type: "uuid", nullable: false),
                    product_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_month_summaries", x => new { x.month_start, x.owner_id, x.org_unit_id, x.dealer_key, x.product_line });
                });

            migrationBuilder.CreateTable(
                name: "sales_summary_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    month_start = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_summary_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_summaries_dealer_key_month_start",
                table: "sales_month_summaries",
                columns: new[] { "dealer_key", "month_start" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_summaries_org_unit_id_month_start",
                table: "sales_month_summaries",
                columns: new[] { "org_unit_id", "month_start" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_summaries_owner_id_month_start",
                table: "sales_month_summaries",
                columns: new[] { "owner_id", "month_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sales_month_summaries");

            migrationBuilder.DropTable(
                name: "sales_summary_changes");
        }
    }
}
