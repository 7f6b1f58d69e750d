using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Field : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    lead_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    opportunity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_step = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_step_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_activities_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "route_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cycle_weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_route_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_route_plans_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_route_plans_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "travel_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    estimated_cost = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    refused_for_customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    refused_visit_count = table.Column<int>(type: "INTEGER", nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decided_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    overridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_travel_requests_customers_refused_for_customer_id",
                        column: x => x.refused_for_customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_travel_requests_employees_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_travel_requests_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_travel_requests_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    plan_for_tomorrow = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    manager_comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    commented_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    commented_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_logs_employees_commented_by_id",
                        column: x => x.commented_by_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_logs_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_logs_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "route_plan_stops",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    route_plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    week = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_route_plan_stops", x => x.id);
                    table.ForeignKey(
                        name: "fk_route_plan_stops_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_route_plan_stops_route_plans_route_plan_id",
                        column: x => x.route_plan_id,
                        principalTable: "route_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    route_plan_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    check_in_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_in_latitude = table.Column<double>(type: "REAL", nullable: true),
                    check_in_longitude = table.Column<double>(type: "REAL", nullable: true),
                    check_out_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    check_out_latitude = table.Column<double>(type: "REAL", nullable: true),
                    check_out_longitude = table.Column<double>(type: "REAL", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    shelf_display_ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    stock_ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    price_ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    staff_recommends = table.Column<bool>(type: "INTEGER", nullable: true),
                    checklist_notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    breakthrough = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visits_route_plans_route_plan_id",
                        column: x => x.route_plan_id,
                        principalTable: "route_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "travel_request_customers",
                columns: table => new
                {
                    travel_request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_request_customers", x => new { x.travel_request_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_travel_request_customers_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_travel_request_customers_travel_requests_travel_request_id",
                        column: x => x.travel_request_id,
                        principalTable: "travel_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_customer_id_occurred_at_utc",
                table: "activities",
                columns: new[] { "customer_id", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_lead_id_occurred_at_utc",
                table: "activities",
                columns: new[] { "lead_id", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_occurred_at_utc_id",
                table: "activities",
                columns: new[] { "occurred_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_opportunity_id",
                table: "activities",
                column: "opportunity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_org_unit_id_occurred_at_utc_id",
                table: "activities",
                columns: new[] { "org_unit_id", "occurred_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_owner_id_occurred_at_utc_id",
                table: "activities",
                columns: new[] { "owner_id", "occurred_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_type_occurred_at_utc",
                table: "activities",
                columns: new[] { "type", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_route_plan_stops_customer_id",
                table: "route_plan_stops",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_route_plan_stops_route_plan_id_week_day",
                table: "route_plan_stops",
                columns: new[] { "route_plan_id", "week", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_route_plans_name_id",
                table: "route_plans",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_route_plans_org_unit_id_name_id",
                table: "route_plans",
                columns: new[] { "org_unit_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_route_plans_owner_id_name_id",
                table: "route_plans",
                columns: new[] { "owner_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_request_customers_customer_id",
                table: "travel_request_customers",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_created_at_utc_id",
                table: "travel_requests",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_decided_by_id",
                table: "travel_requests",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_org_unit_id_status_created_at_utc",
                table: "travel_requests",
                columns: new[] { "org_unit_id", "status", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_owner_id_created_at_utc_id",
                table: "travel_requests",
                columns: new[] { "owner_id", "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_refused_for_customer_id",
                table: "travel_requests",
                column: "refused_for_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_travel_requests_status_created_at_utc",
                table: "travel_requests",
                columns: new[] { "status", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_customer_id_status_date",
                table: "visits",
                columns: new[] { "customer_id", "status", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_date_id",
                table: "visits",
                columns: new[] { "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_org_unit_id_date_id",
                table: "visits",
                columns: new[] { "org_unit_id", "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_owner_id_date_id",
                table: "visits",
                columns: new[] { "owner_id", "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_route_plan_id",
                table: "visits",
                column: "route_plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_commented_by_id",
                table: "work_logs",
                column: "commented_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_date_id",
                table: "work_logs",
                columns: new[] { "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_org_unit_id_date_id",
                table: "work_logs",
                columns: new[] { "org_unit_id", "date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_owner_id_date",
                table: "work_logs",
                columns: new[] { "owner_id", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "route_plan_stops");

            migrationBuilder.DropTable(
                name: "travel_request_customers");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "work_logs");

            migrationBuilder.DropTable(
                name: "travel_requests");

            migrationBuilder.DropTable(
                name: "route_plans");
        }
    }
}
