using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderToCash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    order_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    requested_delivery_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    payment_terms_days = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    net_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    total = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    invoiced_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    hold_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    release_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    confirmed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    allocated_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => x.id);
                    table.ForeignKey(
                        name: "fk_receipts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    net_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    total = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    paid_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    base_quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    base_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    price_list_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    list_unit_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    floor_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    discount_percent = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: false),
                    tax_rate = table.Column<long>(type: "INTEGER", precision: 9, scale: 6, nullable: false),
                    net_unit_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    net_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    gross_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    delivered_quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    invoiced_quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_lines_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_order_lines_price_lists_price_list_id",
                        column: x => x.price_list_id,
                        principalTable: "price_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_order_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "receipt_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    allocated_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipt_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_receipt_allocations_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_receipt_allocations_receipts_receipt_id",
                        column: x => x.receipt_id,
                        principalTable: "receipts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    order_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    list_unit_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    discount_percent = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: false),
                    tax_rate = table.Column<long>(type: "INTEGER", precision: 9, scale: 6, nullable: false),
                    net_unit_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    net_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    gross_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_invoice_lines_order_lines_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "order_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_invoice_id_position",
                table: "invoice_lines",
                columns: new[] { "invoice_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_order_line_id",
                table: "invoice_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_created_at_utc_id",
                table: "invoices",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_customer_id_status_due_date",
                table: "invoices",
                columns: new[] { "customer_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_due_date_id",
                table: "invoices",
                columns: new[] { "due_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issue_date_id",
                table: "invoices",
                columns: new[] { "issue_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_number",
                table: "invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_order_id",
                table: "invoices",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_org_unit_id_status",
                table: "invoices",
                columns: new[] { "org_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_owner_id_status",
                table: "invoices",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_status_due_date",
                table: "invoices",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_order_id_position",
                table: "order_lines",
                columns: new[] { "order_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_price_list_id",
                table: "order_lines",
                column: "price_list_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_product_id",
                table: "order_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_created_at_utc_id",
                table: "orders",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id_status",
                table: "orders",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_dealer_id",
                table: "orders",
                column: "dealer_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_number",
                table: "orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_date_id",
                table: "orders",
                columns: new[] { "order_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_org_unit_id_status",
                table: "orders",
                columns: new[] { "org_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_owner_id_status",
                table: "orders",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_total_id",
                table: "orders",
                columns: new[] { "total", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_receipt_allocations_invoice_id_allocated_on",
                table: "receipt_allocations",
                columns: new[] { "invoice_id", "allocated_on" });

            migrationBuilder.CreateIndex(
                name: "ix_receipt_allocations_receipt_id",
                table: "receipt_allocations",
                column: "receipt_id");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_created_at_utc_id",
                table: "receipts",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_customer_id_received_on",
                table: "receipts",
                columns: new[] { "customer_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_number",
                table: "receipts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_receipts_org_unit_id_received_on",
                table: "receipts",
                columns: new[] { "org_unit_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_received_on_id",
                table: "receipts",
                columns: new[] { "received_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "receipt_allocations");

            migrationBuilder.DropTable(
                name: "order_lines");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropTable(
                name: "orders");
        }
    }
}
