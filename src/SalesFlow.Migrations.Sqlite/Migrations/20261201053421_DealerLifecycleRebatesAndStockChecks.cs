using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealerLifecycleRebatesAndStockChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "flagged_lines",
                table: "stock_reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "line_count",
                table: "stock_reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "lines_changed_at_utc",
                table: "stock_reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "days_of_inventory",
                table: "stock_report_lines",
                type: "INTEGER",
                precision: 18,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "flags",
                table: "stock_report_lines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "gap",
                table: "stock_report_lines",
                type: "INTEGER",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "sell_in",
                table: "stock_report_lines",
                type: "INTEGER",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "sell_in_ratio",
                table: "stock_report_lines",
                type: "INTEGER",
                precision: 18,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assessment_note",
                table: "dealers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assessment_result",
                table: "dealers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_assessed_on",
                table: "dealers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "product_scope",
                table: "dealers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "yearly_target",
                table: "dealers",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    allocated_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_notes_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dealer_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    company_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    registered_capital = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    city = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    channels = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    customer_resources = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    team_size = table.Column<int>(type: "INTEGER", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    contact_mobile = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    manager_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    total_score = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_applications_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealer_applications_employees_manager_id",
                        column: x => x.manager_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dealer_applications_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dealer_tier_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    to_tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_tier_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_tier_changes_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rebate_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    period_kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    quarter = table.Column<int>(type: "INTEGER", nullable: true),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    product_line = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    dealer_tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebate_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_note_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    credit_note_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    allocated_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_note_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_credit_note_allocations_credit_notes_credit_note_id",
                        column: x => x.credit_note_id,
                        principalTable: "credit_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_credit_note_allocations_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dealer_application_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    criterion = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_application_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_dealer_application_scores_dealer_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "dealer_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rebate_accruals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    policy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    purchase_to_date = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    earned_to_date = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    increment = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    rate_percent = table.Column<long>(type: "INTEGER", precision: 7, scale: 4, nullable: false),
                    next_threshold = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    missing_to_next = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    extra_at_next = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    accrued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebate_accruals", x => x.id);
                    table.ForeignKey(
                        name: "fk_rebate_accruals_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rebate_accruals_rebate_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "rebate_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rebate_policy_tiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    policy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    threshold = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    rate_percent = table.Column<long>(type: "INTEGER", precision: 7, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebate_policy_tiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_rebate_policy_tiers_rebate_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "rebate_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rebate_settlements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    policy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dealer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purchase = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    credit_note_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    settled_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebate_settlements", x => x.id);
                    table.ForeignKey(
                        name: "fk_rebate_settlements_credit_notes_credit_note_id",
                        column: x => x.credit_note_id,
                        principalTable: "credit_notes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rebate_settlements_dealers_dealer_id",
                        column: x => x.dealer_id,
                        principalTable: "dealers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rebate_settlements_rebate_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "rebate_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stock_report_lines_flags",
                table: "stock_report_lines",
                column: "flags");

            migrationBuilder.CreateIndex(
                name: "ix_credit_note_allocations_credit_note_id",
                table: "credit_note_allocations",
                column: "credit_note_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_note_allocations_invoice_id_allocated_on",
                table: "credit_note_allocations",
                columns: new[] { "invoice_id", "allocated_on" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_customer_id_issue_date",
                table: "credit_notes",
                columns: new[] { "customer_id", "issue_date" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_issue_date_id",
                table: "credit_notes",
                columns: new[] { "issue_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_number",
                table: "credit_notes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_org_unit_id_issue_date",
                table: "credit_notes",
                columns: new[] { "org_unit_id", "issue_date" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_application_scores_application_id_criterion",
                table: "dealer_application_scores",
                columns: new[] { "application_id", "criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_applications_dealer_id",
                table: "dealer_applications",
                column: "dealer_id");

            migrationBuilder.CreateIndex(
                name: "ix_dealer_applications_manager_id",
                table: "dealer_applications",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_dealer_applications_number",
                table: "dealer_applications",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_applications_org_unit_id_number",
                table: "dealer_applications",
                columns: new[] { "org_unit_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_applications_status_number",
                table: "dealer_applications",
                columns: new[] { "status", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_tier_changes_dealer_id_status_effective_on",
                table: "dealer_tier_changes",
                columns: new[] { "dealer_id", "status", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_accruals_dealer_id_month",
                table: "rebate_accruals",
                columns: new[] { "dealer_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_accruals_month_id",
                table: "rebate_accruals",
                columns: new[] { "month", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_accruals_policy_id_month_dealer_id",
                table: "rebate_accruals",
                columns: new[] { "policy_id", "month", "dealer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rebate_policies_name_id",
                table: "rebate_policies",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_policies_period_start_period_end",
                table: "rebate_policies",
                columns: new[] { "period_start", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_policies_year_id",
                table: "rebate_policies",
                columns: new[] { "year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_policy_tiers_policy_id_position",
                table: "rebate_policy_tiers",
                columns: new[] { "policy_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_settlements_credit_note_id",
                table: "rebate_settlements",
                column: "credit_note_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebate_settlements_dealer_id_settled_on",
                table: "rebate_settlements",
                columns: new[] { "dealer_id", "settled_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rebate_settlements_policy_id_dealer_id",
                table: "rebate_settlements",
                columns: new[] { "policy_id", "dealer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rebate_settlements_settled_on_id",
                table: "rebate_settlements",
                columns: new[] { "settled_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_note_allocations");

            migrationBuilder.DropTable(
                name: "dealer_application_scores");

            migrationBuilder.DropTable(
                name: "dealer_tier_changes");

            migrationBuilder.DropTable(
                name: "rebate_accruals");

            migrationBuilder.DropTable(
                name: "rebate_policy_tiers");

            migrationBuilder.DropTable(
                name: "rebate_settlements");

            migrationBuilder.DropTable(
                name: "dealer_applications");

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "rebate_policies");

            migrationBuilder.DropIndex(
                name: "ix_stock_report_lines_flags",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "flagged_lines",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "line_count",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "lines_changed_at_utc",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "days_of_inventory",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "flags",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "gap",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "sell_in",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "sell_in_ratio",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "assessment_note",
                table: "dealers");

            migrationBuilder.DropColumn(
                name: "assessment_result",
                table: "dealers");

            migrationBuilder.DropColumn(
                name: "last_assessed_on",
                table: "dealers");

            migrationBuilder.DropColumn(
                name: "product_scope",
                table: "dealers");

            migrationBuilder.DropColumn(
                name: "yearly_target",
                table: "dealers");
        }
    }
}
