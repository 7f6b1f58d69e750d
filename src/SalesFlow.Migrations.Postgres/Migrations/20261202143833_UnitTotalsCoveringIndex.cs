using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UnitTotalsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_sales_month_totals_org_unit_id_month_start_amount_quantity",
                table: "sales_month_totals",
                columns: new[] { "org_unit_id", "month_start", "amount", "quantity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sales_month_totals_org_unit_id_month_start_amount_quantity",
                table: "sales_month_totals");
        }
    }
}
