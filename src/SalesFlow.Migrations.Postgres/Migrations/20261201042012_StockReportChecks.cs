using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StockReportChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "flagged_lines",
                table: "stock_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "line_count",
                table: "stock_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "lines_changed_at_utc",
                table: "stock_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "days_of_inventory",
                table: "stock_report_lines",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "flags",
                table: "stock_report_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "gap",
                table: "stock_report_lines",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "sell_in",
                table: "stock_report_lines",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "sell_in_ratio",
                table: "stock_report_lines",
                type: "numeric(18,3)",
                precision: 18,
                scale: 3,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_report_lines_flags",
                table: "stock_report_lines",
                column: "flags");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stock_report_lines_flags",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "flagged_lines",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "line_count",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "lines_changed_at_utc",
                table: "stock_reports");

            migrationBuilder.DropColumn(
                name: "days_of_inventory",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "flags",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "gap",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "sell_in",
                table: "stock_report_lines");

            migrationBuilder.DropColumn(
                name: "sell_in_ratio",
                table: "stock_report_lines");
        }
    }
}
