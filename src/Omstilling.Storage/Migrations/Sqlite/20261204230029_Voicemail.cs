using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Voicemail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "voicemail_boxes",
                columns: table => new
                {
                    Box = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PinHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmailMessages = table.Column<bool>(type: "INTEGER", nullable: false),
                    GreetingFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AbsenceGreetingFile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemail_boxes", x => x.Box);
                });

            migrationBuilder.CreateTable(
                name: "voicemails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Box = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CallerNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LengthMs = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeardAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmailSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextEmailAttempt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_Box_ReceivedAt",
                table: "voicemails",
                columns: new[] { "Box", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_voicemails_EmailSentAt",
                table: "voicemails",
                column: "EmailSentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voicemail_boxes");

            migrationBuilder.DropTable(
                name: "voicemails");
        }
    }
}
