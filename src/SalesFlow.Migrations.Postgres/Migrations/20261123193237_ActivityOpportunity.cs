using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActivityOpportunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_activities_opportunity_id",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "ix_activities_opportunity_id_occurred_at_utc",
                table: "activities",
                columns: new[] { "opportunity_id", "occurred_at_utc" });

            migrationBuilder.AddForeignKey(
                name: "fk_activities_opportunities_opportunity_id",
                table: "activities",
                column: "opportunity_id",
                principalTable: "opportunities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_activities_opportunities_opportunity_id",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_opportunity_id_occurred_at_utc",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "ix_activities_opportunity_id",
                table: "activities",
                column: "opportunity_id");
        }
    }
}
