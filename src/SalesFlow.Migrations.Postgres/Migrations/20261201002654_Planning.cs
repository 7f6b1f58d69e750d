using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Planning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monthly_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    month_start = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    manager_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    total_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_monthly_plans_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    measure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    product_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    origin = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    split_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    phasing_method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    is_locked = table.Column<bool>(type: "boolean", nullable: false),
                    change_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_targets_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_targets_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_targets_targets_parent_id",
                        column: x => x.parent_id,
                        principalTable: "targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monthly_plan_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    is_new_product = table.Column<bool>(type: "boolean", nullable: false),
                    promotion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_plan_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_monthly_plan_lines_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_monthly_plan_lines_monthly_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "monthly_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monthly_plan_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monthly_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    month_start = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_late = table.Column<bool>(type: "boolean", nullable: false),
                    planned_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    actual_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    variance_reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    competitor_moves = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    next_steps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    manager_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_monthly_reviews_monthly_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "monthly_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_monthly_reviews_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monthly_review_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    planned_quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    planned_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    actual_quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    actual_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_review_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_monthly_review_lines_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_monthly_review_lines_monthly_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "monthly_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monthly_review_lines_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_owner_id_received_on",
                table: "receipts",
                columns: new[] { "owner_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_org_unit_id_order_date",
                table: "orders",
                columns: new[] { "org_unit_id", "order_date" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_owner_id_order_date",
                table: "orders",
                columns: new[] { "owner_id", "order_date" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plan_lines_customer_id",
                table: "monthly_plan_lines",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plan_lines_plan_id_position",
                table: "monthly_plan_lines",
                columns: new[] { "plan_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plan_lines_product_id",
                table: "monthly_plan_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plans_month_start_status",
                table: "monthly_plans",
                columns: new[] { "month_start", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plans_org_unit_id_month_start_status",
                table: "monthly_plans",
                columns: new[] { "org_unit_id", "month_start", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_plans_owner_type_owner_id_month_start",
                table: "monthly_plans",
                columns: new[] { "owner_type", "owner_id", "month_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monthly_review_lines_customer_id",
                table: "monthly_review_lines",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_review_lines_product_id",
                table: "monthly_review_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_review_lines_review_id",
                table: "monthly_review_lines",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reviews_month_start_status",
                table: "monthly_reviews",
                columns: new[] { "month_start", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reviews_org_unit_id_month_start_status",
                table: "monthly_reviews",
                columns: new[] { "org_unit_id", "month_start", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reviews_owner_type_owner_id_month_start",
                table: "monthly_reviews",
                columns: new[] { "owner_type", "owner_id", "month_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reviews_plan_id",
                table: "monthly_reviews",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_targets_org_unit_id_period_start",
                table: "targets",
                columns: new[] { "org_unit_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_owner_type_owner_id_period_measure_product_line_pro",
                table: "targets",
                columns: new[] { "owner_type", "owner_id", "period", "measure", "product_line", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_parent_id_origin",
                table: "targets",
                columns: new[] { "parent_id", "origin" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_period_start_id",
                table: "targets",
                columns: new[] { "period_start", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_product_id",
                table: "targets",
                column: "product_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monthly_plan_lines");

            migrationBuilder.DropTable(
                name: "monthly_review_lines");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "monthly_reviews");

            migrationBuilder.DropTable(
                name: "monthly_plans");

            migrationBuilder.DropIndex(
                name: "ix_receipts_owner_id_received_on",
                table: "receipts");

            migrationBuilder.DropIndex(
                name: "ix_orders_org_unit_id_order_date",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_owner_id_order_date",
                table: "orders");
        }
    }
}
