using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_members",
                columns: table => new
                {
                    Extension = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LoggedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_members", x => x.Extension);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    Aor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Transport = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SourceAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourcePort = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
