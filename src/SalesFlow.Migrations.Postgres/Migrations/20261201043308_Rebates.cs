using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Rebates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    allocated_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "rebate_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    product_line = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    dealer_tier = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebate_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_note_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    allocated_on = table.Column<DateOnly>(type: "date", nullable: false)
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
                name: "rebate_accruals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dealer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    purchase_to_date = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    earned_to_date = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    increment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    rate_percent = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    next_threshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    missing_to_next = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    extra_at_next = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    accrued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    threshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    rate_percent = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dealer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    credit_note_id = table.Column<Guid>(type: "uuid", nullable: false),
                    settled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                name: "rebate_accruals");

            migrationBuilder.DropTable(
                name: "rebate_policy_tiers");

            migrationBuilder.DropTable(
                name: "rebate_settlements");

            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropTable(
                name: "rebate_policies");
        }
    }
}
