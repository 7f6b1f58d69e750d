using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opportunity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    estimated_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    submission_deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    current_step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    technical_specs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    purchase_cost = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    lead_time_days = table.Column<int>(type: "INTEGER", nullable: true),
                    proposed_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    approved_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    result_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    competitor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bids", x => x.id);
                    table.ForeignKey(
                        name: "fk_bids_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bids_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bids_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bids_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bid_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bid_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    completed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bid_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_bid_steps_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bid_steps_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bid_steps_bid_id_step",
                table: "bid_steps",
                columns: new[] { "bid_id", "step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bid_steps_completed_at_utc_due_date",
                table: "bid_steps",
                columns: new[] { "completed_at_utc", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_bid_steps_owner_id",
                table: "bid_steps",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_bids_customer_id",
                table: "bids",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_bids_number",
                table: "bids",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bids_opportunity_id",
                table: "bids",
                column: "opportunity_id");

            migrationBuilder.CreateIndex(
                name: "ix_bids_org_unit_id_status",
                table: "bids",
                columns: new[] { "org_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_bids_owner_id_status",
                table: "bids",
                columns: new[] { "owner_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bid_steps");

            migrationBuilder.DropTable(
                name: "bids");
        }
    }
}
