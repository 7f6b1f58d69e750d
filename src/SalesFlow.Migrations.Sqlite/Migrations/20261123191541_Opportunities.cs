using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Opportunities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "converted_contact_id",
                table: "leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "converted_customer_id",
                table: "leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "converted_opportunity_id",
                table: "leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "opportunity_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    default_probability = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_stages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contact_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    stage_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    probability = table.Column<int>(type: "INTEGER", nullable: false),
                    expected_close_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_lead_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    opened_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    stage_entered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    close_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
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
                    table.PrimaryKey("pk_opportunities", x => x.id);
                    table.ForeignKey(
                        name: "fk_opportunities_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_leads_source_lead_id",
                        column: x => x.source_lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_opportunity_stages_stage_id",
                        column: x => x.stage_id,
                        principalTable: "opportunity_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunities_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_line",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opportunity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    quantity = table.Column<long>(type: "INTEGER", precision: 18, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    unit_price = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    line_amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_line", x => x.id);
                    table.ForeignKey(
                        name: "fk_opportunity_line_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_stage_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    opportunity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_stage_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_stage_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    from_entered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    seconds_in_from_stage = table.Column<long>(type: "INTEGER", nullable: true),
                    seconds_since_opened = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_opportunity_stage_changes_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_opportunity_stage_changes_opportunity_stages_from_stage_id",
                        column: x => x.from_stage_id,
                        principalTable: "opportunity_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_opportunity_stage_changes_opportunity_stages_to_stage_id",
                        column: x => x.to_stage_id,
                        principalTable: "opportunity_stages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leads_converted_contact_id",
                table: "leads",
                column: "converted_contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_leads_converted_customer_id",
                table: "leads",
                column: "converted_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_leads_converted_opportunity_id",
                table: "leads",
                column: "converted_opportunity_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_amount_id",
                table: "opportunities",
                columns: new[] { "amount", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_contact_id",
                table: "opportunities",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_created_at_utc_id",
                table: "opportunities",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_customer_id",
                table: "opportunities",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_expected_close_date_id",
                table: "opportunities",
                columns: new[] { "expected_close_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_name_id",
                table: "opportunities",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_number",
                table: "opportunities",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_org_unit_id_status_stage_id",
                table: "opportunities",
                columns: new[] { "org_unit_id", "status", "stage_id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_owner_id_status_stage_id",
                table: "opportunities",
                columns: new[] { "owner_id", "status", "stage_id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_source_lead_id",
                table: "opportunities",
                column: "source_lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_stage_id_amount",
                table: "opportunities",
                columns: new[] { "stage_id", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_line_opportunity_id_position",
                table: "opportunity_line",
                columns: new[] { "opportunity_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stage_changes_at_utc_to_stage_id",
                table: "opportunity_stage_changes",
                columns: new[] { "at_utc", "to_stage_id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stage_changes_from_entered_at_utc_from_stage_id",
                table: "opportunity_stage_changes",
                columns: new[] { "from_entered_at_utc", "from_stage_id" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stage_changes_from_stage_id",
                table: "opportunity_stage_changes",
                column: "from_stage_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stage_changes_opportunity_id_at_utc",
                table: "opportunity_stage_changes",
                columns: new[] { "opportunity_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stage_changes_to_stage_id",
                table: "opportunity_stage_changes",
                column: "to_stage_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_stages_code",
                table: "opportunity_stages",
                column: "code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_leads_contacts_converted_contact_id",
                table: "leads",
                column: "converted_contact_id",
                principalTable: "contacts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_leads_customers_converted_customer_id",
                table: "leads",
                column: "converted_customer_id",
                principalTable: "customers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_leads_contacts_converted_contact_id",
                table: "leads");

            migrationBuilder.DropForeignKey(
                name: "fk_leads_customers_converted_customer_id",
                table: "leads");

            migrationBuilder.DropTable(
                name: "opportunity_line");

            migrationBuilder.DropTable(
                name: "opportunity_stage_changes");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "opportunity_stages");

            migrationBuilder.DropIndex(
                name: "ix_leads_converted_contact_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_converted_customer_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_converted_opportunity_id",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "converted_contact_id",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "converted_customer_id",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "converted_opportunity_id",
                table: "leads");

        }
    }
}
