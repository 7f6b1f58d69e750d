using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDealersStoresAndStockReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_dealer_id",
                table: "orders");

            migrationBuilder.CreateTable(
                name: "dealers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    region_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    manager_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    contact_mobile = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    registered_capital = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    contract_start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contract_end = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deposit_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    deposit_received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deposit_refunded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    trained_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    activated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    status_before_suspension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    suspension_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    terminated_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    termination_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealers", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealers_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealers_employees_manager_id",
                        column: x => x.manager_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealers_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealers_org_units_region_id",
                        column: x => x.region_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dealer_territories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    exclusive = table.Column<bool>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_territories", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_territories_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_stock_reports_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 2, nullable: false),
                    region_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                    table.ForeignKey(
                        name: "fk_stores_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stores_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stores_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stores_org_units_region_id",
                        column: x => x.region_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_report_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stock_report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opening = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    purchases = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    sales = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    closing = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_report_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_stock_report_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stock_report_lines_stock_reports_stock_report_id",
                        column: x => x.stock_report_id,
                        principalTable: "stock_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_dealer_id_order_date",
                table: "orders",
                columns: new[] { "dealer_id", "order_date" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_territories_dealer_id",
                table: "dealer_territories",
                column: "dealer_id");

            migrationBuilder.CreateIndex(
                name: "ix_dealer_territories_province_city",
                table: "dealer_territories",
                columns: new[] { "province", "city" });

            migrationBuilder.CreateIndex(
                name: "ix_dealers_code",
                table: "dealers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealers_customer_id",
                table: "dealers",
                column: "customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealers_manager_id_code",
                table: "dealers",
                columns: new[] { "manager_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_dealers_org_unit_id_code",
                table: "dealers",
                columns: new[] { "org_unit_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_dealers_region_id",
                table: "dealers",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_dealers_status_code",
                table: "dealers",
                columns: new[] { "status", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_stock_report_lines_product_id",
                table: "stock_report_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_report_lines_stock_report_id_product_id",
                table: "stock_report_lines",
                columns: new[] { "stock_report_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_reports_dealer_id_month",
                table: "stock_reports",
                columns: new[] { "dealer_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_reports_month_status",
                table: "stock_reports",
                columns: new[] { "month", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_code",
                table: "stores",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stores_dealer_id_code",
                table: "stores",
                columns: new[] { "dealer_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_org_unit_id_code",
                table: "stores",
                columns: new[] { "org_unit_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_owner_id_code",
                table: "stores",
                columns: new[] { "owner_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_region_id",
                table: "stores",
                column: "region_id");

            migrationBuilder.AddForeignKey(
                name: "fk_orders_dealers_dealer_id",
                table: "orders",
                column: "dealer_id",
                principalTable: "dealers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_orders_dealers_dealer_id",
                table: "orders");

            migrationBuilder.DropTable(
                name: "dealer_territories");

            migrationBuilder.DropTable(
                name: "stock_report_lines");

            migrationBuilder.DropTable(
                name: "stores");

            migrationBuilder.DropTable(
                name: "stock_reports");

            migrationBuilder.DropTable(
                name: "dealers");

            migrationBuilder.DropIndex(
                name: "ix_orders_dealer_id_order_date",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_dealer_id",
                table: "orders",
                column: "dealer_id");
        }
    }
}
