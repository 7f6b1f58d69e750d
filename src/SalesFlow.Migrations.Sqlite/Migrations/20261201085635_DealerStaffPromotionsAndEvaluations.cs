using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealerStaffPromotionsAndEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "store_id",
                table: "visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "dealer_id",
                table: "employees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dealer_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    target_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    sell_in_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    sell_in_quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    sell_through_quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    stock_reports = table.Column<int>(type: "INTEGER", nullable: false),
                    quarter_end_report = table.Column<bool>(type: "INTEGER", nullable: false),
                    stock_lines = table.Column<int>(type: "INTEGER", nullable: false),
                    healthy_lines = table.Column<int>(type: "INTEGER", nullable: false),
                    invoiced_due = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    paid_on_time = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    active_stores = table.Column<int>(type: "INTEGER", nullable: false),
                    required_stores = table.Column<int>(type: "INTEGER", nullable: false),
                    obligations_due = table.Column<int>(type: "INTEGER", nullable: false),
                    obligations_met = table.Column<int>(type: "INTEGER", nullable: false),
                    target_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    sell_through_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    inventory_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    payment_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    coverage_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    compliance_score = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: true),
                    target_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    sell_through_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    inventory_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    payment_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    coverage_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    compliance_weight = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", precision: 5, scale: 2, nullable: false),
                    proposed_outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    confirmed_outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    confirmed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    tier_change_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_evaluations_dealer_tier_changes_tier_change_id",
                        column: x => x.tier_change_id,
                        principalTable: "dealer_tier_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealer_evaluations_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dealer_staff_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    scored_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_staff_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_staff_scores_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealer_staff_scores_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealer_staff_scores_employees_scored_by_id",
                        column: x => x.scored_by_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "promotions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    region_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    terms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    activated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    allocations_changed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions", x => x.id);
                    table.ForeignKey(
                        name: "fk_promotions_org_units_region_id",
                        column: x => x.region_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "store_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    visit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    shelf_display_ok = table.Column<bool>(type: "INTEGER", nullable: false),
                    stock_ok = table.Column<bool>(type: "INTEGER", nullable: false),
                    price_ok = table.Column<bool>(type: "INTEGER", nullable: false),
                    staff_asked = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_recommending = table.Column<int>(type: "INTEGER", nullable: false),
                    missing_lines = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_store_checks_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_store_checks_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_store_checks_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_store_checks_stores_store_id",
                        column: x => x.store_id,
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_store_checks_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "promotion_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotion_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_promotion_allocations_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_promotion_allocations_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_promotion_allocations_promotions_promotion_id",
                        column: x => x.promotion_id,
                        principalTable: "promotions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "promotion_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    discount_percent = table.Column<long>(type: "INTEGER", precision: 7, scale: 4, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotion_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_promotion_products_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_promotion_products_promotions_promotion_id",
                        column: x => x.promotion_id,
                        principalTable: "promotions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_visits_store_id_status_date",
                table: "visits",
                columns: new[] { "store_id", "status", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_employees_dealer_id_name",
                table: "employees",
                columns: new[] { "dealer_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_evaluations_dealer_id_year_quarter",
                table: "dealer_evaluations",
                columns: new[] { "dealer_id", "year", "quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_evaluations_tier_change_id",
                table: "dealer_evaluations",
                column: "tier_change_id");

            migrationBuilder.CreateIndex(
                name: "ix_dealer_evaluations_year_quarter_total",
                table: "dealer_evaluations",
                columns: new[] { "year", "quarter", "total" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_staff_scores_dealer_id_month",
                table: "dealer_staff_scores",
                columns: new[] { "dealer_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_staff_scores_employee_id_month",
                table: "dealer_staff_scores",
                columns: new[] { "employee_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_staff_scores_scored_by_id",
                table: "dealer_staff_scores",
                column: "scored_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_allocations_dealer_id_promotion_id",
                table: "promotion_allocations",
                columns: new[] { "dealer_id", "promotion_id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_allocations_product_id",
                table: "promotion_allocations",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_allocations_promotion_id_dealer_id_product_id",
                table: "promotion_allocations",
                columns: new[] { "promotion_id", "dealer_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotion_products_product_id",
                table: "promotion_products",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_products_promotion_id_product_id",
                table: "promotion_products",
                columns: new[] { "promotion_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotions_number",
                table: "promotions",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotions_number_id",
                table: "promotions",
                columns: new[] { "number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_region_id",
                table: "promotions",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_start_date_id",
                table: "promotions",
                columns: new[] { "start_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_status_start_date",
                table: "promotions",
                columns: new[] { "status", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_store_checks_dealer_id_date_id",
                table: "store_checks",
                columns: new[] { "dealer_id", "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_store_checks_org_unit_id",
                table: "store_checks",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_store_checks_owner_id_date",
                table: "store_checks",
                columns: new[] { "owner_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_store_checks_store_id_date_id",
                table: "store_checks",
                columns: new[] { "store_id", "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_store_checks_visit_id",
                table: "store_checks",
                column: "visit_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_employees_dealers_dealer_id",
                table: "employees",
                column: "dealer_id",
                principalTable: "dealers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_visits_stores_store_id",
                table: "visits",
                column: "store_id",
                principalTable: "stores",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_employees_dealers_dealer_id",
                table: "employees");

            migrationBuilder.DropForeignKey(
                name: "fk_visits_stores_store_id",
                table: "visits");

            migrationBuilder.DropTable(
                name: "dealer_evaluations");

            migrationBuilder.DropTable(
                name: "dealer_staff_scores");

            migrationBuilder.DropTable(
                name: "promotion_allocations");

            migrationBuilder.DropTable(
                name: "promotion_products");

            migrationBuilder.DropTable(
                name: "store_checks");

            migrationBuilder.DropTable(
                name: "promotions");

            migrationBuilder.DropIndex(
                name: "ix_visits_store_id_status_date",
                table: "visits");

            migrationBuilder.DropIndex(
                name: "ix_employees_dealer_id_name",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "store_id",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "dealer_id",
                table: "employees");
        }
    }
}
