using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DealerLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dealer_application_scores");

            migrationBuilder.DropTable(
                name: "dealer_tier_changes");

            migrationBuilder.DropTable(
                name: "dealer_applications");

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
