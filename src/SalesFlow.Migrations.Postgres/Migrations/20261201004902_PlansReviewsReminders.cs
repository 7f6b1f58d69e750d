using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlansReviewsReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "emailed_at_utc",
                table: "notifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_promotion_price",
                table: "monthly_plan_lines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_emailed_at_utc_created_at_utc",
                table: "notifications",
                columns: new[] { "emailed_at_utc", "created_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_emailed_at_utc_created_at_utc",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "emailed_at_utc",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "is_promotion_price",
                table: "monthly_plan_lines");
        }
    }
}
