using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrdersStatusListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_status_created_at_utc_id",
                table: "orders",
                columns: new[] { "status", "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_order_date_id",
                table: "orders",
                columns: new[] { "status", "order_date", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_status_created_at_utc_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_status_order_date_id",
                table: "orders");
        }
    }
}
