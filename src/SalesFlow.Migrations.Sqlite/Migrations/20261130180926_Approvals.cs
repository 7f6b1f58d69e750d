using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    required_role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    percentage = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    current_approver_role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    current_approver_unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_requests_employees_requested_by_id",
                        column: x => x.requested_by_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_approval_requests_org_units_requested_by_unit_id",
                        column: x => x.requested_by_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "approval_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    approver_role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    approver_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    decided_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_steps_approval_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_steps_employees_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_approval_steps_org_units_approver_unit_id",
                        column: x => x.approver_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_created_at_utc_id",
                table: "approval_requests",
                columns: new[] { "created_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_requested_by_id_status",
                table: "approval_requests",
                columns: new[] { "requested_by_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_requested_by_unit_id",
                table: "approval_requests",
                column: "requested_by_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_status_current_approver_role_requested_by_unit_id",
                table: "approval_requests",
                columns: new[] { "status", "current_approver_role", "requested_by_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_subject_kind_subject_id",
                table: "approval_requests",
                columns: new[] { "subject_kind", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_updated_at_utc_id",
                table: "approval_requests",
                columns: new[] { "updated_at_utc", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_approver_unit_id",
                table: "approval_steps",
                column: "approver_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_decided_by_id",
                table: "approval_steps",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_request_id_position",
                table: "approval_steps",
                columns: new[] { "request_id", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_steps");

            migrationBuilder.DropTable(
                name: "approval_requests");
        }
    }
}
