using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DealerSummaryCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sales_month_summaries_dealer_key_month_start",
                table: "sales_month_summaries");

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_summaries_dealer_key_month_start_amount_quantity",
                table: "sales_month_summaries",
                columns: new[] { "dealer_key", "month_start", "amount", "quantity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sales_month_summaries_dealer_key_month_start_amount_quantity",
                table: "sales_month_summaries");

            migrationBuilder.CreateIndex(
                name: "ix_sales_month_summaries_dealer_key_month_start",
                table: "sales_month_summaries",
                columns: new[] { "dealer_key", "month_start" });
        }
    }
}
