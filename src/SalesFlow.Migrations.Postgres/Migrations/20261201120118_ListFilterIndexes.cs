using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dealers_region_id",
                table: "dealers");

            migrationBuilder.DropIndex(
                name: "ix_customers_region_id_class",
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
                name: "ix_dealers_region_id_code",
                table: "dealers",
                columns: new[] { "region_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_dealers_tier_code",
                table: "dealers",
                columns: new[] { "tier", "code" });

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

            // The contains-filters of the customer (tags) and order (number) lists get trigram indexes like q search.
            foreach (var statement in SalesFlow.Core.Data.SearchIndexSql.PostgresFilterIndexesUp())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SalesFlow.Core.Data.SearchIndexSql.PostgresFilterIndexesDown())
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropIndex(
                name: "ix_leads_source_is_deleted_created_at_utc_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_leads_status_is_deleted_created_at_utc_id",
                table: "leads");

            migrationBuilder.DropIndex(
                name: "ix_dealers_region_id_code",
                table: "dealers");

            migrationBuilder.DropIndex(
                name: "ix_dealers_tier_code",
                table: "dealers");

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
                name: "ix_dealers_region_id",
                table: "dealers",
                column: "region_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_region_id_class",
                table: "customers",
                columns: new[] { "region_id", "class" });
        }
    }
}
