using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexesKeepTheirOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leads_source_is_deleted_created_at_utc_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_status_is_deleted_created_at_utc_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_customers_class_is_deleted_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_region_id_is_deleted_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_type_is_deleted_name_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_value_tier_is_deleted_name_id",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_leads_source_created_at_utc_id_is_deleted",
                table: "leads",
                columns: new[] { "source", "created_at_utc", "id", "is_deleted" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_status_created_at_utc_id_is_deleted",
                table: "leads",
                columns: new[] { "status", "created_at_utc", "id", "is_deleted" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_class_name_id_is_deleted",
                table: "customers",
                columns: new[] { "class", "name", "id", "is_deleted" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_region_id_name_id_is_deleted",
                table: "customers",
                columns: new[] { "region_id", "name", "id", "is_deleted" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_type_name_id_is_deleted",
                table: "customers",
                columns: new[] { "type", "name", "id", "is_deleted" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_value_tier_name_id_is_deleted",
                table: "customers",
                columns: new[] { "value_tier", "name", "id", "is_deleted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leads_source_created_at_utc_id_is_deleted",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_status_created_at_utc_id_is_deleted",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_customers_class_name_id_is_deleted",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_region_id_name_id_is_deleted",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_type_name_id_is_deleted",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_value_tier_name_id_is_deleted",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_leads_source_is_deleted_created_at_utc_id",
                table: "leads",
                columns: new[] { "source", "is_deleted", "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_leads_status_is_deleted_created_at_utc_id",
                table: "leads",
                columns: new[] { "status", "is_deleted", "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_class_is_deleted_name_id",
                table: "customers",
                columns: new[] { "class", "is_deleted", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_region_id_is_deleted_name_id",
                table: "customers",
                columns: new[] { "region_id", "is_deleted", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_type_is_deleted_name_id",
                table: "customers",
                columns: new[] { "type", "is_deleted", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_value_tier_is_deleted_name_id",
                table: "customers",
                columns: new[] { "value_tier", "is_deleted", "name", "id" });
        }
    }
}
