using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesMonthTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sales_month_totals",
                columns: table => new
                {
                    month_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    line_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_month_totals", x => new { x.month_start, x.owner_id, x.org_unit_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_totals_owner_id_month_start",
                table: "sales_month_totals",
                columns: new[] { "owner_id", "month_start" });

            // Existing databases already have their summaries: their totals are those rows added up.
            migrationBuilder.Sql(
                "INSERT INTO sales_month_totals (month_start, owner_id, org_unit_id, amount, quantity, line_count) " +
                "SELECT month_start, owner_id, org_unit_id, SUM(amount), SUM(quantity), SUM(line_count) FROM sales_month_summaries " +
                "GROUP BY month_start, owner_id, org_unit_id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sales_month_totals");
        }
    }
}
