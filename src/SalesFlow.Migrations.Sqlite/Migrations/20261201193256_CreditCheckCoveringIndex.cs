using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CreditCheckCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_customer_id_status",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id_status_total_invoiced_amount",
                table: "orders",
                columns: new[] { "customer_id", "status", "total", "invoiced_amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_customer_id_status_total_invoiced_amount",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id_status",
                table: "orders",
                columns: new[] { "customer_id", "status" });
        }
    }
}
