using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Durability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "External",
                table: "call_events",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_members",
                columns: table => new
                {
                    Extension = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LoggedOut = table.Column<bool>(type: "boolean", nullable: false),
                    PausedReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_members", x => x.Extension);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    Aor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Transport = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SourceAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourcePort = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CSeq = table.Column<long>(type: "bigint", nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registrations", x => new { x.Aor, x.Contact });
                });

            migrationBuilder.CreateIndex(
                name: "IX_registrations_ExpiresAt",
                table: "registrations",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_members");

            migrationBuilder.DropTable(
                name: "registrations");

            migrationBuilder.DropColumn(
                name: "External",
                table: "call_events");
        }
    }
}
