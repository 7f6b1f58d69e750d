using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
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
                    month_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_key = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_line = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_month_summaries", x => new { x.month_start, x.owner_id, x.org_unit_id, x.dealer_key, x.product_line });
                });

            migrationBuilder.CreateTable(
                name: "sales_summary_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    month_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
