using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealerStaffAndStoreChecks : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_visits_store_id_status_date",
                table: "visits",
                columns: new[] { "store_id", "status", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_employees_dealer_id_name",
                table: "employees",
                columns: new[] { "dealer_id", "name" });

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
                name: "dealer_staff_scores");

            migrationBuilder.DropTable(
                name: "store_checks");

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
