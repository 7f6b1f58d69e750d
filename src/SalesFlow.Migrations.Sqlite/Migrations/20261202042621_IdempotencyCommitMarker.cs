using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyCommitMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "claim_id",
                table: "idempotency_keys",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "committed_at_utc",
                table: "idempotency_keys",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claim_id",
                table: "idempotency_keys");

            migrationBuilder.DropColumn(
                name: "committed_at_utc",
                table: "idempotency_keys");
        }
    }
}
