using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    @class = table.Column<string>(name: "class", type: "TEXT", maxLength: 1, nullable: false),
                    value_tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    region_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    credit_limit = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    payment_terms_days = table.Column<int>(type: "INTEGER", nullable: false),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_employees_owner_id",
                        column: x => x.owner_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_org_units_region_id",
                        column: x => x.region_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    office_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    mobile = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    is_primary = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_customer_id_full_name",
                table: "contacts",
                columns: new[] { "customer_id", "full_name" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_email",
                table: "contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_mobile",
                table: "contacts",
                column: "mobile");

            migrationBuilder.CreateIndex(
                name: "ix_customers_created_at_utc_id",
                table: "customers",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_id",
                table: "customers",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_number",
                table: "customers",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_org_unit_id_name_id",
                table: "customers",
                columns: new[] { "org_unit_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_owner_id_name_id",
                table: "customers",
                columns: new[] { "owner_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_region_id_class",
                table: "customers",
                columns: new[] { "region_id", "class" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
