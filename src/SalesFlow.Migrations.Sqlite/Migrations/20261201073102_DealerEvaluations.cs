using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealerEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dealer_evaluations");
        }
    }
}
