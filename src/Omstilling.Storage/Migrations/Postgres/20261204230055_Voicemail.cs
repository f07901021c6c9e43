using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omstilling.Storage.Migrations.Postgres
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
                    Box = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PinHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmailMessages = table.Column<bool>(type: "boolean", nullable: false),
                    GreetingFile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AbsenceGreetingFile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voicemail_boxes", x => x.Box);
                });

            migrationBuilder.CreateTable(
                name: "voicemails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Box = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CallerNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CallerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CallId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LengthMs = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeardAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecipientEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmailSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    EmailError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextEmailAttempt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
